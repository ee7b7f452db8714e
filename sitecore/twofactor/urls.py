"""Mounted under /admin/ by sitecore.wagtail_hooks (so Wagtail's admin access check and
never_cache apply)."""

from django.urls import path

from sitecore.twofactor import views

urlpatterns = [
    path("2fa/", views.kelola_view, name="sitecore_2fa_kelola"),
    path("2fa/verifikasi/", views.verifikasi_view, name="sitecore_2fa_verifikasi"),
    path("2fa/aktifkan/", views.aktifkan_view, name="sitecore_2fa_aktifkan"),
    path("2fa/nonaktifkan/", views.nonaktifkan_view, name="sitecore_2fa_nonaktifkan"),
    path("2fa/kode-cadangan/", views.kode_baru_view, name="sitecore_2fa_kode_baru"),
]
