"""axe-core over every page: no violation of the WCAG 2.0/2.1 A and AA rules.

The pages are those of the permission walk (every URL name with a GET page), each opened by a
role allowed to see it, in Danish, in Debian's Chromium; the public pages and the login page are
opened without logging in. axe-core comes from npm (package.json, devDependencies) and is put
into the page by Playwright with the page's CSP bypassed – the pages themselves never allow
inline script.
"""

from pathlib import Path

import pytest

from raaderum.tests.test_permission_walk import EXPECTED, walk  # noqa: F401  (a fixture)

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Who opens a page: the first of these the permission table allows.
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
        if name.endswith(("_csv", "_xlsx", "_template", "_excel", "_pdf_file")):
            continue  # downloads, not pages
        role = next(r for r in PREFERENCE if r in EXPECTED[name])
        by_role.setdefault(role, []).append(name)
    for role, names in by_role.items():
        page.context.clear_cookies()
        page.context.add_cookies(session_cookie(live_server, personas[role]))
        for name in names:
            check(name, urls[name])
    context.close()
    assert checked > 40
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
