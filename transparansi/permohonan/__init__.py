"""Public information requests (PPID): rules, the public desk, forms and the officers' admin.

May import transparansi.models.permohonan and sitecore; never the page models.
"""
