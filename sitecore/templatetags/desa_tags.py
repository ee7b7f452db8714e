from django import template
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Page

from sitecore.formatting import format_angka, format_persen, format_rupiah
from sitecore.middleware import desa_home
from sitecore.models.profil import whatsapp_url
from sitecore.pagecache import cache as pagecache
from sitecore.sections import get_widgets

register = template.Library()


@register.filter
def rupiah(value):
    return format_rupiah(value)


@register.filter
def angka(value, decimals=0):
    return format_angka(value, decimals)


@register.filter
def persen(value, decimals=1):
    return format_persen(value, decimals)


@register.filter
def wa_link(number):
    return whatsapp_url(number)


_home_for = desa_home


@register.simple_tag(takes_context=True)
def desa_home(context):
    request = context.get("request")
    return _home_for(request) if request else None


@register.simple_tag(takes_context=True)
def desa_menu(context):
    """Top-level navigation: the live, in-menu children of the village home."""
    request = context.get("request")
    home = _home_for(request) if request else None
    if home is None:
        return []
    # On every page; child_of() scans the page tree, so the list is kept until the
    # village's next public change.
    return pagecache.memoize(
        request,
        ("menu", home.pk),
        lambda: list(Page.objects.child_of(home).live().public().in_menu().order_by("path")),
        kinds=(pagecache.SITUS,),
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the translated page if it exists, else the translated URL."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page):
        for p in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[p.locale.language_code] = p
    links = []
    from django.conf import settings

    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "active": code == current})
    return links


@register.simple_tag(takes_context=True)
def desa_widgets(context, area):
    """Render the widgets the apps registered for `area` ("sidebar" or "home") that
    belong to the current page."""
    request = context.get("request")
    page = context.get("page")
    widgets = [w for w in get_widgets(area) if w.belongs_to(page)]
    # Widgets are the same on every page of a village (apart from the page type), so
    # their HTML is cached until what they show changes; the page that carries them
    # shows it too (pagecache.depends, inside fragment_key).
    keys = {}
    if request is not None and pagecache.fragments_enabled():
        page_type = type(page).__name__ if page is not None else "-"
        lang = translation.get_language()
        # One round trip for every widget's generations.
        pagecache.depends(request, *{kind for w in widgets for kind in w.kinds})
        keys = {
            w.key: pagecache.fragment_key(
                request, "widget", area, w.key, lang, page_type, kinds=w.kinds
            )
            for w in widgets
            if w.cache_seconds
        }
    cached = pagecache.fragment_cache().get_many(list(keys.values())) if keys else {}
    html = []
    for widget in widgets:
        key = keys.get(widget.key)
        if key in cached:
            html.append(cached[key])
            continue
        rendered = _render_widget(widget, context, request, page)
        if key is not None:
            pagecache.fragment_cache().set(key, rendered, widget.cache_seconds)
        html.append(rendered)
    return mark_safe("".join(html))  # noqa: S308 - rendered templates, autoescaped


def _render_widget(widget, context, request, page):
    widget_context = widget.get_context(request, page) if widget.get_context else {}
    if widget_context is None:
        return ""
    widget_context = {
        **widget_context,
        "widget": widget,
        "request": request,
        "desa": context.get("desa"),
    }
    return render_to_string(widget.template, widget_context, request=request)


@register.simple_tag(takes_context=True)
def meta_image(context):
    page = context.get("page")
    image = None
    if page is not None and hasattr(page, "get_meta_image"):
        image = page.get_meta_image()
    if image is None:
        desa = context.get("desa")
        image = desa.logo if desa else None
    return image


@register.filter
def startswith(value, prefix):
    return isinstance(value, str) and bool(prefix) and value.startswith(str(prefix))


@register.tag("desa_fragment")
def desa_fragment(parser, token):
    """`{% desa_fragment "name" part ... kinds="agenda" %}…{% enddesa_fragment %}`: the
    enclosed HTML, kept (per language) until content of those kinds changes in the
    village (comma-separated; see sitecore.pagecache). For a large part of a page, so
    that a page-cache miss (a visitor with a session, a new query string) does not
    render it again. Previews always render."""
    bits = token.split_contents()[1:]
    kinds = [bit for bit in bits if bit.startswith("kinds=")]
    bits = [bit for bit in bits if not bit.startswith("kinds=")]
    if not bits or len(kinds) != 1:
        raise template.TemplateSyntaxError('desa_fragment needs a name and kinds="..."')
    kinds = tuple(kinds[0].removeprefix("kinds=").strip("\"'").split(","))
    nodelist = parser.parse(("enddesa_fragment",))
    parser.delete_first_token()
    return DesaFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits], kinds)


class DesaFragmentNode(template.Node):
    def __init__(self, nodelist, parts, kinds):
        self.nodelist = nodelist
        self.parts = parts
        self.kinds = kinds

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = [part.resolve(context) for part in self.parts]
        return pagecache.memoize(
            request,
            ("tpl", translation.get_language(), *parts),
            lambda: self.nodelist.render(context),
            kinds=self.kinds,
        )


@register.simple_tag
def lang_asli(obj=None):
    """` lang="id"` on an element whose content is in another language than the page.

    `obj` is the page or snippet shown (its locale, or its source's if it is an
    untranslated alias); without one the content is what villagers and officers wrote,
    which is Indonesian. Nothing when it matches the active language."""
    from django.conf import settings

    code = settings.LANGUAGE_CODE
    if isinstance(obj, Page) and obj.alias_of_id:
        code = (
            Page.objects.filter(pk=obj.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .first()
        )
    elif getattr(obj, "locale_id", None):
        code = obj.locale.language_code
    if not code or code == translation.get_language():
        return ""
    return mark_safe(f' lang="{code}"')  # noqa: S308 - a language code from the database
