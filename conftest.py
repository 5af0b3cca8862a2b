import pytest


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    from raaderum.test import create_world

    return create_world()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Browser tests: Debian's Chromium driven by Playwright, never a downloaded browser.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
# A refused form answers 422/409 on purpose; Chromium logs that as a failed resource.
EXPECTED_CONSOLE_ERRORS = ("status of 422", "status of 409")


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    import os

    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """A Danish page that fails the test on any JavaScript error or CSP violation."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []

    def on_console(msg):  # type: ignore[no-untyped-def]
        if msg.type == "error" and not any(t in msg.text for t in EXPECTED_CONSOLE_ERRORS):
            errors.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], errors


@pytest.fixture
def log_in(live_server):  # type: ignore[no-untyped-def]
    """log_in(page, "bente"): through the real login form."""
    from raaderum.test import PASSWORD

    def do(page, username):  # type: ignore[no-untyped-def]
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Brugernavn").fill(username)
        page.get_by_label("Adgangskode").fill(PASSWORD)
        page.get_by_role("button", name="Log ind").click()
        page.wait_for_url(f"{live_server.url}/")

    return do
