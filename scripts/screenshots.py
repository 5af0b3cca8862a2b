"""Render the demo municipality, role by role, into docs/screenshots/ (make screenshots).

The pictures of the user guides in docs/guide/: each role's demo login opens the pages that role
uses, and the part of the page the guide talks about is cut out (a section, a form, the top of the
page), at desktop width and a few at phone width.

Deterministic, so the pictures only change when the pages do: a fresh SQLite database under a
temporary directory, the demo loaded and the server run with the clock stopped at NOW (the demo's
dates are relative to the day it is loaded), and every PNG stored with a 256-colour palette
(small files; the same screenshot gives the same bytes).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from playwright.sync_api import (
    Browser,
    FloatRect,
    Locator,
    Page,
    Response,
    ViewportSize,
    sync_playwright,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PORT = 8799
BASE = f"http://127.0.0.1:{PORT}"
NOW = "2026-11-23 10:00 +0100"
ROUND = "Budget 2027–2030"  # drafting has ended: quality check, catalog, questions, consultation
NEXT_ROUND = "Budget 2028–2031"  # taking in ideas
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--font-render-hinting=none",
]
# Runs a manage.py command with the clock stopped at NOW (time-machine, a dev dependency).
PINNED = (
    "import sys, time_machine; time_machine.travel(sys.argv[1], tick=False).start(); "
    "from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['manage.py', *sys.argv[2:]])"
)


def pinned(*args: str) -> list[str]:
    """The command line of `manage.py <args>` with the clock stopped at NOW."""
    return [sys.executable, "-c", PINNED, NOW, *args]


def wait_for_server() -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/accounts/login/", timeout=1)  # noqa: S310
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


WRITTEN: set[str] = set()


def save(png: bytes, name: str) -> None:
    """A palette PNG: a third of the size, and the same bytes for the same picture."""
    WRITTEN.add(f"{name}.png")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        OUT / f"{name}.png", optimize=True
    )


class Shooter:
    """One logged-in (or anonymous) browser page and the ways to cut a picture out of it."""

    def __init__(self, browser: Browser, username: str | None, *, phone: bool = False) -> None:
        self.page: Page = browser.new_page(
            viewport=PHONE if phone else DESKTOP, reduced_motion="reduce"
        )
        self.failed: list[str] = []
        self.page.on("response", self._note_failure)
        if username:
            self.page.goto(f"{BASE}/accounts/login/")
            self.page.get_by_label("Brugernavn").fill(username)
            self.page.get_by_label("Adgangskode").fill("demo")
            self.page.get_by_role("button", name="Log ind").click()
            self.page.wait_for_url(f"{BASE}/")

    def _note_failure(self, response: Response) -> None:
        if response.status >= 400 and response.request.resource_type == "document":
            self.failed.append(f"{response.status} from {response.url}")

    def go(self, path: str) -> None:
        self.page.goto(path if path.startswith("http") else f"{BASE}{path}")

    def follow(self, name: str | re.Pattern[str]) -> None:
        """Click the first link of that name in the page's content and wait for the page."""
        self.page.locator("main").get_by_role("link", name=name).first.click()
        self.page.wait_for_load_state()

    def heading(self, name: str) -> Locator:
        return self.page.locator("main").get_by_role("heading", name=name, exact=True).first

    def next_heading(self, heading: Locator) -> Locator:
        return heading.locator("xpath=following::*[self::h2 or self::h1][1]")

    def section_of(self, heading: Locator) -> Locator:
        return heading.locator("xpath=ancestor::section[1]")

    def top(self, name: str, height: int = 620) -> None:
        """The top of the page as the user first sees it, header included."""
        width = self.page.viewport_size["width"] if self.page.viewport_size else 1280
        clip: FloatRect = {"x": 0, "y": 0, "width": width, "height": height}
        self._save(self.page.screenshot(clip=clip, full_page=True), name)

    def element(self, name: str, locator: Locator, *, max_height: int = 0) -> None:
        box = self._page_box(locator)
        self._clip(name, box["x"], box["y"], box["width"], box["y"] + box["height"], max_height)

    def between(
        self, name: str, first: Locator, stop: Locator | None = None, *, max_height: int = 0
    ) -> None:
        """From the top of `first` down to the top of `stop` (or `max_height` down, or the
        bottom of `first`), the width of the page's content column."""
        main = self._page_box(self.page.locator("main"))
        start = self._page_box(first)
        if stop is not None:
            end = self._page_box(stop)["y"]
        else:
            end = start["y"] + (max_height or start["height"])
        self._clip(name, main["x"], start["y"] - 12, main["width"], end, max_height)

    def _clip(self, name: str, x: float, top: float, width: float, end: float, limit: int) -> None:
        top = max(top, 0)
        height = min(end - top, limit) if limit else end - top
        clip: FloatRect = {"x": x, "y": top, "width": width, "height": height}
        self._save(self.page.screenshot(clip=clip, full_page=True), name)

    def _page_box(self, locator: Locator) -> dict[str, float]:
        return locator.first.evaluate(
            "e => { const r = e.getBoundingClientRect();"
            " return {x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height}; }"
        )

    def _save(self, png: bytes, name: str) -> None:
        if self.failed:  # a page that failed must stop the run, not end up in the guide
            raise SystemExit(f"{name}: {', '.join(self.failed)}")
        save(png, name)

    def close(self) -> None:
        self.page.close()


def budget_office(browser: Browser) -> str:
    """Økonomiafdelingen: Birgitte Holm. Returns the public idea form's address for the citizen."""
    s = Shooter(browser, "oekonomi")
    s.top("oekonomi-forside", 560)
    s.follow(NEXT_ROUND)
    idea_form = s.page.locator("main a[href*='/idea/']").first.get_attribute("href") or ""
    s.follow("Alle idéer og screening")
    s.top("oekonomi-screening", 760)
    s.go("/")
    s.follow(ROUND)
    s.between("oekonomi-procesplan", s.heading("Procesplan"), s.heading("Målet fordelt på udvalg"))
    s.between(
        "oekonomi-dashboard",
        s.heading("Råderum sammenholdt med målet"),
        s.heading("Hvem skal handle nu"),
    )
    round_url = s.page.url
    s.follow("Åbn kataloget")
    s.top("catalog-top", 900)  # also the README's picture
    caption = s.page.locator("main caption").filter(has_text="Forslag pr. udvalg")
    s.between("oekonomi-katalog", caption, max_height=640)
    # The calculation of a cross-cutting proposal is signed off here, so that its director has
    # something to approve in director().
    s.follow(re.compile("Energirenovering"))
    s.element("oekonomi-kvalitetstjek", s.section_of(s.heading("Hvor forslaget står")))
    s.page.get_by_role("button", name="Godkend beregningen").click()
    s.page.wait_for_load_state()
    s.go(round_url)
    s.follow("Offentliggjorte kataloger")
    s.top("oekonomi-kataloger", 760)
    s.go("/")
    s.follow("Budget 2026–2029")
    s.follow("Beslutninger")
    s.top("oekonomi-beslutninger", 900)
    s.go("/m/demo/followup/cycles/2026/")
    s.top("oekonomi-opfoelgning", 760)
    s.close()
    return idea_form


def director(browser: Browser) -> None:
    """Direktøren: Lene Kjær approves the cross-cutting proposals she is director of."""
    s = Shooter(browser, "direktoer2")
    s.follow(ROUND)
    s.between(
        "direktoer-naeste-skridt", s.heading("Dine næste skridt"), s.heading("Overskredne frister")
    )
    s.follow(re.compile("Energirenovering"))
    s.element("direktoer-godkend", s.section_of(s.heading("Hvor forslaget står")))
    s.close()


def politician(browser: Browser) -> None:
    """Politikeren: Kirsten Andersen reads the catalog, simulates, asks and reads the hearing."""
    s = Shooter(browser, "politiker")
    s.follow(ROUND)
    round_url = s.page.url
    s.follow("Offentliggjorte kataloger")
    s.follow("Version 1")
    s.top("politiker-katalog", 900)
    s.follow("Budgetsimulator")
    chosen = s.page.locator("main input[name=chosen]")
    for index in (0, 2, 5, 9, 14, 20):
        chosen.nth(index).check()
    s.page.wait_for_load_state("networkidle")
    listing = s.page.locator("main h2").filter(has_text="forslag i kataloget")
    s.between("politiker-simulator", listing, max_height=600)
    s.between(
        "politiker-simulator-summer",
        s.heading("Summer for de valgte forslag"),
        s.next_heading(s.heading("Summer for de valgte forslag")),
    )
    s.go(f"{round_url}catalogs/1/optimiser/")
    s.top("politiker-optimering", 760)
    # A question to the owner of BU-01, which owner() then finds waiting for an answer.
    s.go(f"{round_url}questions/new/")
    proposal = s.page.locator("main select[name=proposal] option").filter(has_text="BU-01")
    s.page.locator("main select[name=proposal]").select_option(proposal.get_attribute("value"))
    s.page.locator("main textarea[name=text]").fill(
        "Hvor mange børn skal skifte skole, hvis forslaget bliver vedtaget?"
    )
    s.top("politiker-spoergsmaal", 900)
    s.page.get_by_role("button", name="Send spørgsmålet").click()
    s.page.wait_for_load_state()
    s.go(f"{round_url}consultations/")
    s.follow(re.compile("Hjælp os med at prioritere"))
    s.between("politiker-hoering", s.heading("Opsummering"), max_height=560)
    s.close()
    phone = Shooter(browser, "politiker", phone=True)
    phone.go(f"{round_url}catalogs/1/simulator/")
    phone.page.locator("main input[name=chosen]").first.check()
    phone.page.wait_for_load_state("networkidle")
    phone.top("politiker-simulator-telefon", 844)
    phone.close()


def owner(browser: Browser) -> None:
    """Forslagsejeren: Mette Rasmussen writes and costs the proposals of schools and day care."""
    s = Shooter(browser, "ejer")
    s.follow(ROUND)
    s.between(
        "forslagsejer-naeste-skridt",
        s.heading("Dine næste skridt"),
        s.heading("Overskredne frister"),
    )
    s.follow("BU-03 Lukning af morgen-SFO på små skoler")
    s.element("forslagsejer-send", s.section_of(s.heading("Hvor forslaget står")))
    proposal_url = s.page.url
    s.follow("Redigér tekst")
    content = s.page.locator("main fieldset").filter(has_text="Resumé i klart sprog")
    s.element("forslagsejer-tekst", content, max_height=480)
    s.go(proposal_url)
    s.follow("Redigér effekter")
    s.top("forslagsejer-effekter", 900)
    s.go("/")
    s.follow(ROUND)
    s.follow("Alle budgetspørgsmål og svar")
    s.follow(re.compile("skifte skole"))  # asked in politician()
    s.top("forslagsejer-spoergsmaal", 900)
    s.go("/m/demo/followup/cycles/2026/")
    s.follow("Lukket bibliotek om lørdagen i juli")
    s.top("forslagsejer-opfoelgning", 900)
    s.close()
    phone = Shooter(browser, "ejer", phone=True)
    phone.follow(ROUND)
    phone.follow("BU-03 Lukning af morgen-SFO på små skoler")
    phone.top("forslagsejer-forslag-telefon", 844)
    phone.close()


def contributor_and_reader(browser: Browser) -> None:
    """Bidragyderen Søren Østergaard comments; the reader Ida Mikkelsen reads."""
    s = Shooter(browser, "bidragyder")
    s.follow(ROUND)
    s.follow("Åbn kataloget")
    s.follow(re.compile("Energirenovering"))
    s.element("bidragyder-kommentarer", s.section_of(s.heading("Kommentarer")))
    s.page.get_by_role("link", name="Beskeder på e-mail").first.click()
    s.page.wait_for_load_state()
    s.top("bidragyder-beskeder", 560)
    s.close()
    reader = Shooter(browser, "laeser")
    reader.follow(ROUND)
    reader.follow("Åbn kataloget")
    reader.follow(re.compile("Energirenovering"))
    effects = reader.heading("Økonomiske effekter")
    reader.between("laeser-forslag", reader.heading("Kort fortalt"), reader.next_heading(effects))
    reader.close()


def citizen(browser: Browser, idea_form: str) -> None:
    """Borgeren, without a login: the public page, the idea form and the consultation."""
    s = Shooter(browser, None)
    s.go("/public/demo/")
    s.top("borger-offentlig-side", 720)
    s.go(idea_form)
    s.top("borger-ide", 900)
    s.go("/public/demo/consultations/")
    s.follow(re.compile("Hjælp os med at prioritere"))
    s.top("borger-hoering", 900)
    chosen = s.page.locator("main input[type=checkbox]")
    for index in (0, 1, 4, 8, 12, 16, 22, 30):
        chosen.nth(index).check()
    s.page.wait_for_load_state("networkidle")
    result = s.heading("Dit valg holdt op mod målet")
    s.between("borger-hoering-valg", result, s.page.get_by_role("button", name="Send mit svar"))
    s.close()
    for name, path in (("borger-ide-telefon", idea_form), ("borger-hoering-telefon", None)):
        phone = Shooter(browser, None, phone=True)
        if path:
            phone.go(path)
        else:
            phone.go("/public/demo/consultations/")
            phone.follow(re.compile("Hjælp os med at prioritere"))
        phone.top(name, 844)
        phone.close()


def it(browser: Browser) -> None:
    """Installationens administrator: the person log for a request for access."""
    s = Shooter(browser, "admin")
    s.go("/person-log/?username=ejer")
    s.top("it-personlog", 760)
    s.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DEBUG": "true",
        "DJANGO_SETTINGS_MODULE": "raaderum.settings",
        "RAADERUM_VAR_DIR": tempfile.mkdtemp(),
    }
    env.pop("DATABASE_URL", None)
    subprocess.run(pinned("migrate", "-v0"), cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        pinned("load_demo"), cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )
    server = subprocess.Popen(  # noqa: S603
        pinned("runserver", f"127.0.0.1:{PORT}", "--noreload"),
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
            # In this order: each role finds what the one before it did (a signed-off
            # calculation for the director, a question for the owner).
            roles: list[Callable[[Browser], object]] = [
                director,
                politician,
                owner,
                contributor_and_reader,
                it,
            ]
            idea_form = budget_office(browser)
            for role in roles:
                role(browser)
            citizen(browser, idea_form)
            browser.close()
    finally:
        server.terminate()
        server.wait()
    for stale in OUT.glob("*.png"):  # pictures no guide uses any more
        if stale.name not in WRITTEN:
            stale.unlink()
    print(f"{len(WRITTEN)} screenshots in {OUT}")


if __name__ == "__main__":
    main()
