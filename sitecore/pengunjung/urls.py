from django.urls import path

from sitecore.pengunjung.views import beacon

urlpatterns = [path("<int:page_id>.gif", beacon, name="kunjungan_beacon")]
