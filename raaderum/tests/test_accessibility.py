"""axe-core over every page: no violation of the WCAG 2.0/2.1 A and AA rules.

The pages are those of the permission walk (every URL name with a GET page), each opened by a
role allowed to see it, in Danish, in Debian's Chromium; the public pages and the login page are
opened without logging in. axe-core comes from npm (package.json, devDependencies) and is put
into the page by Playwright with the page's CSP bypassed – the pages themselves never allow
inline script.
"""

import re
from pathlib import Path

import pytest

from raaderum.tests.test_permission_walk import EXPECTED, walk  # noqa: F401  (a fixture)

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Who opens a page: the first of these the permission table allows.
# Polled by htmx into a page (checked there), not pages of their own.
FRAGMENTS = {"catalog_pdf_status"}
PREFERENCE = ["budget_office", "politician", "director", "owner", "contributor", "reader"]


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


def public_urls(urls):
    """The walk's public pages (no login), where the walk knows their addresses."""
    return {name: url for name, url in urls.items() if name.startswith("public")}


def test_every_page_has_no_wcag_a_or_aa_violations(browser, live_server, walk):  # noqa: F811
    world, urls = walk
    context = browser.new_context(locale="da-DK", bypass_csp=True)
    page = context.new_page()
    personas = world.personas()
    found: dict[str, list[str]] = {}
    checked = 0

    def check(name, url):
        nonlocal checked
        response = page.goto(f"{live_server.url}{url}")
        assert response is not None and response.status == 200, (name, url)
        checked += 1
        problems = axe_violations(page)
        if problems:
            found[name] = problems

    check("login", "/accounts/login/")
    check("accessibility", "/accessibility/")
    for name, url in sorted(public_urls(urls).items()):
        if name not in EXPECTED:
            check(name, url)

    by_role: dict[str, list[str]] = {}
    for name in sorted(EXPECTED):
        if name.endswith(("_csv", "_xlsx", "_json", "_template", "_excel", "_file")):
            continue  # downloads, not pages
        if name in FRAGMENTS:
            continue
        role = next(r for r in PREFERENCE if r in EXPECTED[name])
        by_role.setdefault(role, []).append(name)
    for role, names in by_role.items():
        page.context.clear_cookies()
        page.context.add_cookies(session_cookie(live_server, personas[role]))
        for name in names:
            check(name, urls[name])
    context.close()
    assert checked > 60, checked
    assert found == {}, "\n".join(
        f"{name}: {problem}" for name, p in found.items() for problem in p
    )


def session_cookie(live_server, user):
    """Log in without the form (the form is tested elsewhere): a session cookie for the user."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]


LINK = re.compile(r'href="(/(?:public|idea-bank)/[^"?#]*)"')
ID = re.compile(r"[0-9a-f-]{36}|[A-ZÆØÅ]{2,4}-\d+")
DOWNLOADS = (".csv", ".json", ".xlsx", ".pdf", "export.json", "export.csv")


def test_public_and_installation_wide_pages_of_the_demo(browser, live_server, transactional_db):
    """The demo's public pages (no login) and the idea bank, found by following their links."""
    from raaderum.demo import load_demo
    from raaderum.organisation.models import User

    load_demo()
    context = browser.new_context(locale="da-DK", bypass_csp=True)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    seen: set[str] = set()

    def shape(url: str) -> str:
        """One of each kind of page is enough: links that differ only in their ids are alike."""
        return ID.sub("X", url)

    def crawl(start: str, limit: int) -> None:
        queue = [start]
        shapes = {shape(start)}
        while queue and len(seen) < limit:
            url = queue.pop(0)
            seen.add(url)
            response = page.goto(f"{live_server.url}{url}")
            assert response is not None and response.status == 200, url
            problems = axe_violations(page)
            if problems:
                found[url] = problems
            for link in LINK.findall(page.content()):
                if not link.endswith(DOWNLOADS) and shape(link) not in shapes:
                    shapes.add(shape(link))
                    queue.append(link)

    crawl("/public/demo/", limit=25)
    public_pages = len(seen)
    page.context.add_cookies(session_cookie(live_server, User.objects.get(username="oekonomi")))
    crawl("/idea-bank/", limit=public_pages + 8)
    context.close()
    assert public_pages >= 5, seen
    assert len(seen) > public_pages, seen
    assert found == {}, "\n".join(f"{url}: {problem}" for url, p in found.items() for problem in p)
