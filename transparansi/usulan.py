"""Aspirations (usulan pembangunan) from the complaint module accommodated in plans."""


def usulan_untuk_kegiatan(kegiatan):
    """Complaints of type usulan linked to this activity (empty until pengaduan ships)."""
    return []
