"""The officers' workspace in the admin: viewsets, follow-up, attachments, report, dashboard.

May import pengaduan's rules (layanan, workflow, laporan, berkas), models submodules, sitecore.
"""
