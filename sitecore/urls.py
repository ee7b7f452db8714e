from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from sitecore import views
from sitecore.kalender import views as kalender_views
from sitecore.media import serve_public_media

handler404 = "sitecore.views.page_not_found"
handler500 = "sitecore.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("captcha/", include("captcha.urls")),
    path("api/", include("pengaduan.urls")),
    path("kunjungan/", include("sitecore.pengunjung.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz/", views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
]

if settings.SERVE_MEDIA:
    # Public media (images and renditions). Documents and parked uploads are refused:
    # documents are served through their own view, which checks collection restrictions.
    # Behind nginx, set SERVE_MEDIA=false and let nginx serve MEDIA_ROOT.
    urlpatterns.append(
        re_path(r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")), serve_public_media)
    )

urlpatterns += i18n_patterns(
    path("cari/", views.search, name="search"),
    path("hari-kerja/", kalender_views.hari_kerja, name="hari_kerja"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
