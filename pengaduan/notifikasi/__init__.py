"""Complaint e-mails: the outbox writer (antrean) and its sender (pengiriman).

May import pengaduan.models submodules, pengaduan.tasks and sitecore; never views or admin.
"""
