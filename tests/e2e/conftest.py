"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Every village hostname (*.test) is mapped to the live server by Chromium's host resolver,
so the real hostname routing is exercised. Screenshots go to test-artifacts/e2e/.
"""

import json
import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "e2e"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--host-resolver-rules=MAP *.test 127.0.0.1",
]
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
MOBILE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed (make e2e installs it)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_factory(browser):
    """page_factory(viewport) -> a fresh Playwright page (own cookies)."""
    contexts = []

    def factory(viewport=MOBILE, locale="id-ID", **context_options):
        context = browser.new_context(viewport=viewport, locale=locale, **context_options)
        contexts.append(context)
        return context.new_page()

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture
def shot(request):
    """shot(page, name): save a full-page screenshot as a test artefact."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = ARTIFACTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def village_url(live_server):
    """village_url(site, path) -> the live-server URL of `path` on that village's host."""
    port = live_server.url.rsplit(":", 1)[1]

    def url(site, path="/"):
        return f"http://{site.hostname}:{port}{path}"

    return url


@pytest.fixture(scope="session")
def axe():
    """axe(page) -> the serious/critical axe-core violations on the page, readable.

    The page's context needs bypass_csp=True: the injected script is inline, which the
    public CSP (rightly) forbids.
    """
    if not AXE_JS.exists():
        pytest.skip("axe-core is not installed (make e2e runs npm ci --prefix tests/e2e)")

    def run(page):
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate(
            """async () => {
                const r = await axe.run(document, {resultTypes: ["violations"]});
                return r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary),
                }));
            }"""
        )
        return [v for v in result if v["impact"] in ("serious", "critical")]

    run.describe = lambda violations: json.dumps(violations, indent=1, ensure_ascii=False)
    return run


@pytest.fixture
def live_sites(live_server):
    """live_sites(*sites): give villages the live server's port, so absolute URLs that
    the app builds from the Site (redirects, links in mail) point at the live server."""
    from wagtail.models import Site

    port = int(live_server.url.rsplit(":", 1)[1])

    def bind(*sites):
        Site.objects.filter(pk__in=[site.pk for site in sites]).update(port=port)
        for site in sites:
            site.port = port
        return port

    return bind
