"""transparansi models, split by concept (see each module)."""

from .apbdes import APBDesPage, BarisAPBDes  # noqa: F401
from .index import TransparansiIndexPage  # noqa: F401
from .informasi import DaftarInformasiPage, InformasiPublik, SertaMertaPage  # noqa: F401
from .kode import KodeRekening  # noqa: F401
from .permohonan import PermohonanInformasi  # noqa: F401
from .rencana import KegiatanRencana, RencanaPage, RKPDesPage, RPJMDesPage  # noqa: F401
