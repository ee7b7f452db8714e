"""The officers' workspace in the admin: viewsets, follow-up, attachments, report, dashboard.

May import pengaduan's models submodules, rules (layanan, workflow, laporan, berkas) and sitecore.
"""
