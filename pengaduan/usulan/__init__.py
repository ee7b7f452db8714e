"""Proposals (aspirasi, usulan pembangunan) and what became of them in the planning cycle.

May import pengaduan's models and sitecore; transparansi links plan activities to proposals
and calls rules.sinkron_rencana_desa, never the reverse.
"""
