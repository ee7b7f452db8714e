"""RSS feed of a village's published articles (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_ITEMS = 20


class ArtikelFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        site = obj.get_site()
        return _("Artikel %(desa)s") % {"desa": site.site_name if site else obj.title}

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return _("Berita terbaru dari %(desa)s.") % {"desa": obj.get_site().site_name}

    def items(self, obj):
        # live() excludes drafts and scheduled articles (not yet live).
        return obj.artikel()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.ringkasan or item.search_description or ""

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.tanggal_terbit

    def item_author_name(self, item):
        return item.nama_penulis

    def item_categories(self, item):
        cats = [item.kategori.nama] if item.kategori else []
        return cats + [t.name for t in item.tag_list]
