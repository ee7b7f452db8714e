"""The section's public pages: filing and tracking a report (pelapor), the register, forms.

May import pengaduan's rules, laporan, models submodules (not the package nor halaman), sitecore.
"""
