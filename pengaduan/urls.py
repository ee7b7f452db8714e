from django.urls import path

from pengaduan import api

app_name = "pengaduan_api"
urlpatterns = [path("pengaduan/", api.intake, name="intake")]
