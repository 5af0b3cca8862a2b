"""Render the main pages of the demo municipality into docs/screenshots/ (make screenshots).

Starts its own server on a fresh SQLite database under a temporary directory, loads the demo,
and drives Debian's Chromium with Playwright. Desktop and phone widths.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PORT = 8799
BASE = f"http://127.0.0.1:{PORT}"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def wait_for_server() -> None:
    for _ in range(50):
        try:
            urllib.request.urlopen(f"{BASE}/accounts/login/", timeout=1)  # noqa: S310
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def log_in(page: Page, username: str) -> None:
    page.goto(f"{BASE}/accounts/login/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill("demo")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{BASE}/")


def shoot(page: Page, name: str, suffix: str) -> None:
    page.screenshot(path=str(OUT / f"{name}{suffix}.png"), full_page=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DEBUG": "true", "RAADERUM_VAR_DIR": tempfile.mkdtemp()}
    env.pop("DATABASE_URL", None)
    manage(env, "migrate", "-v0")
    manage(env, "load_demo")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_server()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for suffix, width in (("", 1280), ("-phone", 390)):
                page = browser.new_page(viewport={"width": width, "height": 900})
                log_in(page, "oekonomi")
                page.get_by_role("link", name="Budget 2027–2030").first.click()
                shoot(page, "round", suffix)
                round_url = page.url
                page.get_by_role("link", name="Åbn kataloget").click()
                shoot(page, "catalog", suffix)
                if not suffix:  # the README's picture: what a budget officer sees first
                    page.screenshot(path=str(OUT / "catalog-top.png"))
                page.get_by_role("link", name=re.compile("Energirenovering")).first.click()
                shoot(page, "proposal", suffix)
                page.get_by_role("link", name="Redigér effekter").click()
                shoot(page, "effects", suffix)
                page.goto(round_url)
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
