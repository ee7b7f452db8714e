"""The installation's sites, indexed once per process: host -> village, root path -> site.

With 100-500 villages on one installation, Wagtail scans every site x locale root
(~1,000 entries) for each page URL it renders, unpickles that list from the cache on
every request, and looks the request's Site and the village profile up in the database
on every request. Here all of that is built once per process and kept until a site, a
site root page, a locale or a village profile changes: every process compares a small
shared version token (one cheap read per request, `sitecore.versi`) and rebuilds when it
moved, so an app server sees a new village without a restart.

The index only holds what routing needs; each caller gets its own copy of a Site or
DesaProfil (a shallow copy: its fields are its own, related objects such as the root
page or the logo are the index's and are not to be changed).
"""

import pickle
import threading
import time
import uuid
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

from sitecore import versi

VERSION_KEY = "situs:versi"
# Outside a request (management commands, signal handlers) the shared version is
# compared at most this often; the middleware compares it at the start of every request
# (a fixed cost: a query count never depends on how long the previous request took).
RECHECK_SECONDS = 10

_lock = threading.Lock()
_state = {"indeks": None, "diperiksa": 0.0, "sebagian": 0}
# After a site change, this many answers come from the database (see `segar`) before the
# whole index is read again: a batch that adds villages then never reads every site.
PARTIAL_READS = 10
# A thread that changed sites inside a transaction sees its own writes through an index
# of its own until the transaction ends; the process-wide one only ever holds committed
# data, so a rolled-back change never lingers in it.
_local = threading.local()


def version_token():
    # Seen by every process and app server, never evicted (sitecore.versi).
    return versi.token(VERSION_KEY)


def shared_version():
    store = version_token()
    version = store.get()
    if version is None:
        # Evicted or flushed: agree on one new token (add() keeps a concurrent one).
        store.add(uuid.uuid4().hex)
        version = store.get()
    return version


def bump():
    """Every process rebuilds its index at its next request (this one at once)."""
    _state["indeks"], _state["sebagian"] = None, 0
    _local.transaction = _local.indeks = None
    version_token().set(uuid.uuid4().hex)


def _transaction():
    """(outermost atomic block, savepoints) of this thread's open transaction, or None."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block or not connection.atomic_blocks:
        return None
    return connection.atomic_blocks[0], tuple(connection.savepoint_ids)


def bump_on_commit():
    """A site changed in this thread: every process rebuilds once it is committed."""
    current = _transaction()
    if current is None:
        bump()  # autocommit: already visible to everyone
        return
    _local.transaction, _local.indeks = current, None
    # One hook per transaction (each bump makes the next reader rebuild the whole index),
    # unless a savepoint's rollback dropped it.
    hooks = transaction.get_connection().run_on_commit
    if not any(func is bump for _sids, func, _robust in hooks):
        transaction.on_commit(bump)


def _own_index():
    """This thread's view of its uncommitted site changes, or None when it has none."""
    pending = getattr(_local, "transaction", None)
    if pending is None:
        return None
    current = _transaction()
    if current is None or current[0] is not pending[0]:
        _local.transaction = _local.indeks = None  # rolled back (a commit bumps)
        return None
    if _local.indeks is None or current[1][: len(pending[1])] != pending[1]:
        # First use, or the savepoint of the change ended (released or rolled back):
        # read again what this transaction now holds.
        _local.transaction, _local.indeks = current, _load(None)
    return _local.indeks


class Indeks:
    """One snapshot of the sites: built in three queries, read without any."""

    def __init__(self, version, sites, translations, profiles):
        from wagtail.models.sites import SiteRootPath

        self.version = version
        self.site_root_paths = []
        self.by_root_path = defaultdict(list)
        self.by_host = defaultdict(list)
        self.default_id = None
        self.root_keys = set()
        self.root_paths = set()
        self._sites = {}
        self._roots = {}  # site id -> {language code: pickled root page (translation)}
        self._root_language = {}
        self._profiles = {p.site_id: p for p in profiles}
        self.logo_ids = {p.logo_id for p in profiles if p.logo_id}
        i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        for site in sites:
            self._sites[site.id] = site
            self.by_host[site.hostname].append(site)
            if site.is_default_site:
                self.default_id = site.id
            root = site.root_page
            self.root_keys.add(root.translation_key)
            roots = translations.get(root.translation_key, []) if i18n else [root]
            self._root_language[site.id] = root.locale.language_code
            self._roots[site.id] = {p.locale.language_code: pickle.dumps(p) for p in roots}
            for page in roots:
                srp = SiteRootPath(site.id, page.url_path, site.root_url, page.locale.language_code)
                self.by_root_path[page.url_path].append((len(self.site_root_paths), srp))
                self.site_root_paths.append(srp)
                self.root_paths.add(page.url_path)
        self.num_sites = len(self._sites)
        self.max_root_depth = max((s.root_page.depth for s in sites), default=0)

    def relevant_root_paths(self, url_path):
        """Wagtail's `_get_relevant_site_root_paths`, in its order, from the url_path's
        prefixes: O(depth) instead of O(sites x locales)."""
        if not url_path:
            return ()
        found = []
        end = url_path.find("/")
        while end != -1:
            found.extend(self.by_root_path.get(url_path[: end + 1], ()))
            end = url_path.find("/", end + 1)
        found.sort(key=lambda ranked: ranked[0])
        return tuple(srp for _rank, srp in found)

    def site(self, site_id):
        site = self._sites.get(site_id)
        return _clone(site) if site is not None else None

    def profil(self, site_id):
        profil = self._profiles.get(site_id)
        return _clone(profil) if profil is not None else None

    def home_page(self, site_id, language_code):
        """The site's root page in `language_code` if live, else the root page itself
        (Wagtail's `localized`); None for a site this index does not know."""
        roots = self._roots.get(site_id)
        if roots is None:
            return None
        data = roots.get(language_code)
        page = pickle.loads(data) if data is not None else None  # noqa: S301 - our own
        if page is None or not page.live:
            data = roots.get(self._root_language[site_id])
            page = pickle.loads(data) if data is not None else None  # noqa: S301
        return page

    def site_id_for_host(self, hostname, port):
        """The same choice as Wagtail's `get_site_for_hostname`, without a query."""
        matches = self.by_host.get(hostname, ())
        try:
            port = int(port)
        except (TypeError, ValueError):
            port = None
        for site in matches:
            if site.port == port:
                return site.id
        for site in matches:
            if site.is_default_site:
                return site.id
        if len(matches) == 1:
            return matches[0].id
        # No match, or several hostname matches on other ports: the default site.
        return self.default_id


def _clone(obj):
    """`copy.copy(obj)` for a model instance (own fields and relation caches, shared
    related objects) without the pickle protocol's detour: it runs twice per request."""
    new = obj.__class__.__new__(obj.__class__)
    fields = obj.__dict__.copy()
    state = object.__new__(type(obj._state))
    state.__dict__.update(
        {k: v.copy() if isinstance(v, dict) else v for k, v in obj._state.__dict__.items()}
    )
    fields["_state"] = state
    new.__dict__.update(fields)
    return new


def _load(version, url_path=None):
    """Every site; with `url_path`, only the sites with a root (or a root's translation)
    on that path: the same answers about that path, without reading every site."""
    from django.apps import apps
    from wagtail.models import Page, Site

    DesaProfil = apps.get_model("sitecore", "DesaProfil")  # models import this module
    # Wagtail's order (Site.get_site_root_paths): most specific root first.
    sites = Site.objects.select_related("root_page", "root_page__locale").order_by(
        "-root_page__url_path", "-is_default_site", "hostname"
    )
    if url_path is not None:
        prefixes = [url_path[: i + 1] for i, c in enumerate(url_path) if c == "/"]
        # Through the slug's index: url_path has none.
        slugs = [slug for slug in url_path.split("/") if slug]
        roots = Page.objects.filter(slug__in=slugs, url_path__in=prefixes)
        roots = Q(root_page__translation_key__in=roots.values("translation_key"))
        sites = sites.filter(roots | Q(root_page__url_path="/"))
    sites = list(sites)
    translations = defaultdict(list)
    keys = {site.root_page.translation_key for site in sites}
    if keys and getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        # One query for every root's translations (Wagtail: one per site), by path as
        # get_translations() orders them.
        for page in Page.objects.filter(translation_key__in=keys).select_related("locale"):
            translations[page.translation_key].append(page)
    profiles = DesaProfil.objects.select_related("logo", "site")
    if url_path is not None:
        profiles = profiles.filter(site__in=[site.pk for site in sites])
    return Indeks(version, sites, translations, list(profiles))


def indeks(check=False, version=None):
    """This process's index, rebuilt when the shared version moved.

    `check=True` compares the version now (once per request; `version` when the caller
    has just read it); otherwise at most every RECHECK_SECONDS.
    """
    own = _own_index()
    if own is not None:
        return own
    now = time.monotonic()
    current = _state["indeks"]
    if current is not None and not check and now - _state["diperiksa"] < RECHECK_SECONDS:
        return current
    version = version or shared_version()
    _state["diperiksa"] = now
    if current is None or current.version != version:
        with _lock:
            current = _state["indeks"]
            if current is None or current.version != version:
                current = _load(version)
                _state["indeks"] = current
    return current


def segar():
    """The index when no rebuild is due, else None: right after a site change, a caller
    that needs one answer asks the database for it rather than reading every site (a
    new village used to read all of them some twenty times)."""
    if getattr(_local, "transaction", None) is not None:
        return indeks() if _local.indeks is not None else None
    if _state["indeks"] is None and _state["sebagian"] < PARTIAL_READS:
        _state["sebagian"] += 1
        return None
    return indeks()


def default_hostname():
    """The default site's hostname (None without one)."""
    from wagtail.models import Site

    index = segar()
    if index is None:
        default = Site.objects.filter(is_default_site=True).values_list("hostname", flat=True)
        return default.first()
    site = index.site(index.default_id) if index.default_id is not None else None
    return site.hostname if site is not None else None


def _for_path(url_path):
    return segar() or _load(None, url_path=url_path)


def for_request(request):
    """(Site, DesaProfil) of the request's host; the default site for an unknown host."""
    from django.http.request import split_domain_port

    idx = indeks(check=True, version=getattr(request, "situs_versi", None))  # see pagecache
    hostname = split_domain_port(request._get_raw_host())[0]
    site_id = idx.site_id_for_host(hostname, request.get_port())
    if site_id is None:
        return None, None
    return idx.site(site_id), idx.profil(site_id)


def profil_for_site(site):
    """The village profile of `site` without a query (None when it has none)."""
    return indeks().profil(site.pk) if site is not None else None


def home_page(site):
    """`site.root_page.localized.specific`, with the translation found in the index.

    Wagtail's `localized` asks the database for the active Locale and the translation;
    only `.specific` (the home page's own fields) is a query here.
    """
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    page = indeks().home_page(site.pk, code)
    if page is None:  # a site newer than this index: Wagtail's way
        page = site.root_page.localized
    return page.specific


def _remember(cache_object, paths):
    """Wagtail leaves the list on its cache object, and some of its code reads it there
    (wagtail.contrib.redirects after a slug change): keep doing so (a reference, no copy)."""
    if cache_object is not None:
        try:
            cache_object._wagtail_cached_site_root_paths = paths
        except AttributeError:
            pass
    return paths


class IndexedSiteRootsMixin:
    """Wagtail's Page URL and site methods, answered from the index.

    Installed on wagtail's Page itself (see `install`), because menus, breadcrumbs and
    translations hand out plain Page instances that no mixin on our models would reach.
    The results are identical to Wagtail's (tests/test_skala_desa.py compares them).
    """

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        return _remember(cache_object or kwargs.get("request"), indeks().site_root_paths)

    def _get_relevant_site_root_paths(self, cache_object=None):
        if cache_object is None:
            return _for_path(self.url_path).relevant_root_paths(self.url_path)
        index = indeks()
        _remember(cache_object, index.site_root_paths)
        return index.relevant_root_paths(self.url_path)

    def get_url(self, request=None, current_site=None):
        from wagtail.models import Site

        if current_site is None and request is not None:
            current_site = Site.find_for_request(request)
        url_parts = self.get_url_parts(request=request)
        if url_parts is None or url_parts[1] is None and url_parts[2] is None:
            return None  # not routable
        site_id, root_url, page_path = url_parts
        if current_site is not None and site_id == current_site.id:
            return page_path
        index = segar()
        if (index.num_sites if index else Site.objects.count()) == 1:
            return page_path
        return root_url + page_path

    url = property(get_url)

    def get_site(self):
        index = _for_path(self.url_path)
        relevant = index.relevant_root_paths(self.url_path)
        if not relevant:
            return None  # not routable
        return index.site(relevant[0].site_id)


_PATCHED = ("_get_site_root_paths", "_get_relevant_site_root_paths", "get_url", "url", "get_site")


# Wagtail's own versions, kept for the tests that compare both.
WAGTAIL_ORIGINALS = {}


def install():
    from inspect import getattr_static

    from wagtail.models import Page

    for name in _PATCHED:
        WAGTAIL_ORIGINALS.setdefault(name, getattr_static(Page, name))
        setattr(Page, name, IndexedSiteRootsMixin.__dict__[name])
