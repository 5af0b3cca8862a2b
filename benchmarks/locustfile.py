"""Load scenario: budget officers editing, politicians simulating, the public reading.

Run by benchmarks/load.sh against gunicorn + PostgreSQL with the demo municipality loaded; it
finds its way around the demo by following links, as a person would. Not part of the tests.
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from html.parser import HTMLParser

import gevent
from locust import HttpUser, between, events, task

ROUND = re.compile(r'href="/rounds/([0-9a-f-]{36})/"')
PROPOSAL = re.compile(r'href="/proposals/([0-9a-f-]{36})/"')
EDIT_EFFECTS = re.compile(r'href="(/proposals/[0-9a-f-]{36}/effects/)"')
VERSION = re.compile(r'href="(/rounds/[0-9a-f-]{36}/catalogs/\d+/)"')
PUBLIC_ROUND = re.compile(r'href="(/public/demo/rounds/[0-9a-f-]{36}/)"')
PUBLIC_PROPOSAL = re.compile(r'href="(/public/demo/rounds/[0-9a-f-]{36}/proposals/[^"/]+/)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CHOICE = re.compile(r'name="chosen" value="([^"]+)"')


class FormFields(HTMLParser):
    """The fields a browser would submit from the first form with method=post on the page."""

    def __init__(self, form_id: str | None = None) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.done = False
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and (a.get("method") or "").lower() == "post":
            self.inside = self.form_id is None or a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") in {"checkbox", "radio"} and "checked" not in a:
                return
            self.fields.append((name, a.get("value") or ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.append((name, ""))

    def handle_data(self, data):
        if self._textarea:
            self.fields[-1] = (self._textarea, self.fields[-1][1] + data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


# The figures are for every user working: the statistics restart when the last user has logged
# in and found its way (on_start), not when the last one was started. On a busy machine the 60
# password checks (PBKDF2, deliberately slow) of the arrival can take longer than the arrival.
MEASURED_SECONDS = int(os.environ.get("MEASURED_SECONDS", "60"))
_ready = {"users": 0, "since": 0.0}


@events.test_start.add_listener
def _started(environment, **kwargs):
    _ready["since"] = time.monotonic()


def user_ready(user: HttpUser) -> None:
    _ready["users"] += 1
    runner = user.environment.runner
    if runner is not None and _ready["users"] == runner.target_user_count:
        runner.stats.reset_all()
        print(
            f"all {_ready['users']} users ready after {time.monotonic() - _ready['since']:.0f} s;"
            f" measuring {MEASURED_SECONDS} s",
            file=sys.stderr,
        )
        gevent.spawn_later(MEASURED_SECONDS, runner.quit)


def csrf(html: str) -> str:
    found = CSRF.search(html)
    if found is None:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


def form_fields(html: str) -> list[tuple[str, str]]:
    parser = FormFields()
    parser.feed(html)
    return parser.fields


class Member(HttpUser):
    abstract = True
    username = ""

    def on_start(self):
        page = self.client.get("/accounts/login/", name="login page").text
        self.client.post(
            "/accounts/login/",
            {
                "csrfmiddlewaretoken": csrf(page),
                "username": self.username,
                "password": "demo",
            },
            name="login",
            headers={"Referer": f"{self.host}/accounts/login/"},
        )
        home = self.client.get("/", name="home").text
        self.rounds = ROUND.findall(home)


class BudgetOfficer(Member):
    """Reads the catalog, comments, and saves a proposal's effects grid as it stands."""

    weight = 3
    wait_time = between(2, 6)
    username = "oekonomi"

    def on_start(self):
        super().on_start()
        self.proposals: list[str] = []
        for round_id in self.rounds:  # the round with proposals in its catalog
            catalog = self.client.get(f"/rounds/{round_id}/catalog/", name="catalog").text
            self.proposals = PROPOSAL.findall(catalog)
            if self.proposals:
                self.round = round_id
                break
        user_ready(self)

    @task(4)
    def read_proposal(self):
        self.client.get(f"/proposals/{random.choice(self.proposals)}/", name="proposal")

    @task(2)
    def read_catalog(self):
        self.client.get(f"/rounds/{self.round}/catalog/", name="catalog")

    @task(1)
    def comment(self):
        proposal = random.choice(self.proposals)
        url = f"/proposals/{proposal}/comments/"
        page = self.client.get(f"/proposals/{proposal}/", name="proposal").text
        self.client.post(
            url,
            {
                "csrfmiddlewaretoken": csrf(page),
                "comment-text": "Tallene er gennemgået med fagområdet.",
            },
            name="comment",
            headers={"Referer": f"{self.host}/proposals/{proposal}/"},
        )

    @task(1)
    def save_effects(self):
        # As a person would: open proposals until one offers "Redigér effekter". The workflow
        # locks a proposal once it is in the catalog, and a save after the sign-off sends it back
        # to quality check, so which ones are editable changes during the run.
        for proposal in random.sample(self.proposals, min(3, len(self.proposals))):
            page = self.client.get(f"/proposals/{proposal}/", name="proposal").text
            link = EDIT_EFFECTS.search(page)
            if link:
                break
        else:
            return
        url = link.group(1)
        page = self.client.get(url, name="effects grid").text
        fields = form_fields(page)
        if fields:
            with self.client.post(
                url,
                fields,
                name="effects grid save",
                headers={"Referer": f"{self.host}{url}"},
                catch_response=True,
            ) as response:
                # 409: a colleague saved the same proposal first – the app's answer, not an error.
                if response.status_code in (200, 302, 409):
                    response.success()


class Politician(Member):
    """Opens the simulator and ticks proposals in and out."""

    weight = 3
    wait_time = between(1, 4)
    username = "politiker"

    def on_start(self):
        super().on_start()
        found: list[str] = []
        for round_id in self.rounds:  # the newest published version of a round that has one
            page = self.client.get(f"/rounds/{round_id}/catalogs/", name="catalogs").text
            found = VERSION.findall(page)
            if found:
                break
        self.simulator = max(found, key=lambda url: int(url.rstrip("/").rsplit("/", 1)[1]))
        self.simulator += "simulator/"
        page = self.client.get(self.simulator, name="simulator").text
        self.csrf = csrf(page)
        self.codes = CHOICE.findall(page)
        self.chosen: set[str] = set()
        user_ready(self)

    @task(8)
    def toggle(self):
        self.chosen ^= {random.choice(self.codes)}
        self.client.post(
            f"{self.simulator}totals/",
            {"csrfmiddlewaretoken": self.csrf, "chosen": "\n".join(sorted(self.chosen))},
            headers={"HX-Request": "true", "Referer": f"{self.host}{self.simulator}"},
            name="simulator toggle",
        )

    @task(1)
    def reopen(self):
        self.client.get(self.simulator, name="simulator")


class Citizen(HttpUser):
    """Reads the public transparency page and the open data."""

    weight = 4
    wait_time = between(1, 5)

    def on_start(self):
        home = self.client.get("/public/demo/", name="public home").text
        self.rounds = PUBLIC_ROUND.findall(home) or ["/public/demo/"]
        page = self.client.get(self.rounds[0], name="public round").text
        self.proposals = PUBLIC_PROPOSAL.findall(page)
        user_ready(self)

    @task(3)
    def read_round(self):
        self.client.get(random.choice(self.rounds), name="public round")

    @task(3)
    def read_proposal(self):
        if self.proposals:
            self.client.get(random.choice(self.proposals), name="public proposal")

    @task(1)
    def open_data(self):
        self.client.get("/public/demo/data/realisation.json", name="open data json")
