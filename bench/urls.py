"""The product's URLs plus the bench's own views, for the bench servers only
(`bench.settings`): `/ping/`, and the load clients' hooks under `/__bench__/`."""

from django.urls import path

from bench import views
from sitecore.urls import handler404, handler500
from sitecore.urls import urlpatterns as product_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]

# Before the product's patterns: its last one hands every other path to Wagtail.
urlpatterns = [
    path("ping/", views.ping, name="ping"),
    path("__bench__/drop/", views.drop, name="bench-drop"),
    path("__bench__/petugas/", views.petugas, name="bench-petugas"),
    *product_urlpatterns,
]
