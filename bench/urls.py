"""The product's URLs plus `/ping/`, for the bench servers only (`bench.settings`)."""

from django.urls import path

from bench import views
from sitecore.urls import handler404, handler500
from sitecore.urls import urlpatterns as product_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]

# Before the product's patterns: its last one hands every other path to Wagtail.
urlpatterns = [path("ping/", views.ping, name="ping"), *product_urlpatterns]
