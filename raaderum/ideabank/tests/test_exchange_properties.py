"""Property-based tests of the idea bank import (the open exchange format), through the page.

Generated JSON files hold good entries (all must be imported), entries bad in a known way
(nothing is imported and that entry is named) and wild entries (any JSON in any field: all or
nothing). Any other bytes change nothing. Every message shown is Danish. Each example runs in a
savepoint that is rolled back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from raaderum.communication.models import Event
from raaderum.ideabank import exchange
from raaderum.ideabank.models import BankIdea
from raaderum.lib.tests.danish import assert_danish
from raaderum.test import World

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda text: text.strip() != "")
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=6,
)


@dataclass(frozen=True)
class Item:
    raw: Any
    kind: str  # "good", "bad" or "wild"


def good_entry(number: int, title: str, kind: str, low: int, extra: int) -> dict[str, Any]:
    return {
        "external_id": f"kl-{number}",
        "title": title,
        "service_area": "Ældreområdet",
        "function_code": "5.32.32",
        "type": kind,
        "effect_min_kr": low,
        "effect_max_kr": low + extra,
        "source_municipality_name": "Norddjurs Kommune",
        "source_municipality_code": 707,
        "links": ["https://example.dk/evaluering"],
        "tags": ["ældre"],
    }


BAD_CHANGES = (
    {"title": ""},
    {"type": "spareforslag"},
    {"effect_min_kr": "250.000"},
    {"function_code": "53232"},
    {"links": ["ftp://example.dk"]},
    {"source_municipality_code": 1000},
    {"effect_min_kr": 5, "effect_max_kr": 4},
)
FIELDS = ("external_id", "title", "service_area", "type", "effect_min_kr", "links", "tags")


@st.composite
def documents(draw: st.DrawFn) -> list[Item]:
    items = []
    count = draw(st.integers(1, 5))
    for number in range(count):
        entry = good_entry(
            number,
            draw(words),
            draw(st.sampled_from(["saving", "efficiency", "Investering", "budgetudvidelse"])),
            draw(st.integers(-(10**9), 10**9)),
            draw(st.integers(0, 10**9)),
        )
        items.append(Item(entry, "good"))
    if draw(st.booleans()):  # half the files have more than good entries
        for number in range(count, count + draw(st.integers(1, 3))):
            shape = draw(st.sampled_from(["bad", "wild", "not an object"]))
            entry = good_entry(number, "Idé", "saving", 1, 1)
            if shape == "bad":
                items.append(Item(entry | draw(st.sampled_from(BAD_CHANGES)), "bad"))
            elif shape == "wild":
                wild = {name: draw(json_values) for name in draw(st.sets(st.sampled_from(FIELDS)))}
                items.append(Item(entry | wild, "wild"))
            else:
                items.append(
                    Item(draw(json_values.filter(lambda v: not isinstance(v, dict))), "bad")
                )
    return items


def url() -> str:
    return reverse("ideabank_import")


def snapshot() -> tuple[int, int]:
    return BankIdea.objects.count(), Event.objects.count()


def shown_errors(response) -> list[str]:
    form = response.context["form"]
    messages = [message for errors in form.errors.values() for message in errors]
    return messages + [m for e in response.context["entry_errors"] for _f, m in e.problems]


@SETTINGS
@given(items=documents())
@example(items=[Item(good_entry(0, "Nul\x00tegn", "saving", 1, 1), "wild")])
def test_an_exchange_file_is_imported_whole_or_not_at_all(
    client, world: World, items: list[Item]
) -> None:
    client.force_login(world.budget_officer)
    kinds = {item.kind for item in items}
    document = {
        "format": exchange.FORMAT_NAME,
        "format_version": exchange.FORMAT_VERSION,
        "ideas": [item.raw for item in items],
    }
    content = json.dumps(document, ensure_ascii=False).encode("utf-8")
    with transaction.atomic():
        before = snapshot()
        upload = SimpleUploadedFile("idebank.json", content, "application/json")
        response = client.post(url(), {"file": upload})
        if response.status_code == 302:
            event("imported")
            assert "bad" not in kinds
            assert snapshot()[0] == before[0] + len(items)
            if kinds == {"good"}:
                titles = sorted(BankIdea.objects.values_list("title", flat=True))
                assert titles == sorted(item.raw["title"].strip() for item in items)
        else:
            event("refused")
            assert response.status_code == 422
            assert kinds != {"good"}, shown_errors(response)
            assert snapshot() == before
            assert_danish(shown_errors(response))
            named = {error.number for error in response.context["entry_errors"]}
            bad = {number for number, item in enumerate(items, start=1) if item.kind == "bad"}
            good = {number for number, item in enumerate(items, start=1) if item.kind == "good"}
            assert bad <= named
            assert not (good & named)
        transaction.set_rollback(True)


@SETTINGS
@given(
    content=st.one_of(
        st.binary(max_size=1000),
        json_values.map(lambda value: json.dumps(value).encode("utf-8")),
        st.text(max_size=300).map(lambda text: text.encode("utf-8")),
    ),
    name=st.sampled_from(["idebank.json", "idebank.csv", "IDEBANK.JSON", "idebank.xlsx"]),
)
@example(
    content=b'{"format": "raaderum-idea-bank", "format_version": true, "ideas": []}', name="a.json"
)
@example(content=b"format_version,title\n1,\x00\n", name="a.csv")
def test_any_bytes_uploaded_import_nothing(client, world: World, content: bytes, name: str) -> None:
    client.force_login(world.budget_officer)
    with transaction.atomic():
        before = snapshot()
        response = client.post(url(), {"file": SimpleUploadedFile(name, content)})
        assert response.status_code == 422
        assert snapshot() == before
        assert_danish(shown_errors(response))
        transaction.set_rollback(True)
