"""The village budget (APBDes) beyond its arithmetic: import/export, charts, admin screens.

May import transparansi.apbdes, transparansi.data, transparansi.models submodules, sitecore.
"""
