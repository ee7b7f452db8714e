"""transparansi models, split by concept (see each module).

Each page module also builds its page's context; routes with their own forms or downloads
delegate to the concern packages (anggaran, permohonan, rencana).
"""

from .apbdes import APBDesPage, BarisAPBDes  # noqa: F401
from .index import TransparansiIndexPage  # noqa: F401
from .informasi import DaftarInformasiPage, InformasiPublik, SertaMertaPage  # noqa: F401
from .kode import KodeRekening  # noqa: F401
from .permohonan import PermohonanInformasi  # noqa: F401
from .program import ProgramRPJMDes, ProgresKegiatan  # noqa: F401
from .rencana import KegiatanRencana, RencanaPage, RKPDesPage, RPJMDesPage  # noqa: F401
