"""Optimistic locking for pages that edit records without a version number of their own.

The round's settings, its process plan and its screening criteria are edited by the budget office,
sometimes by two people at once. A form on such a page carries a fingerprint of the saved state it
was shown with (`loaded_state`); the save compares it with the state now, inside its transaction
with the round's row locked, and refuses when someone saved in between (`StaleState`). Nothing is
saved; the page answers 409 with what the user typed kept, the values saved meanwhile shown, and a
new fingerprint, so that saving again deliberately keeps the user's version.

A form posted without a fingerprint (an older page, a script) is not checked.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.http import QueryDict

FIELD = "loaded_state"


class StaleState(Exception):
    """Someone saved the record after the user opened the form; nothing was saved."""


def fingerprint(state: object) -> str:
    """A short, stable digest of a JSON-able state (dates and decimals as text)."""
    text = json.dumps(state, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def loaded_state_field() -> forms.CharField:
    return forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)


def check(loaded: str | None, current: object) -> None:
    """Raise StaleState unless the form was loaded from the current state (or says nothing)."""
    if loaded and loaded != fingerprint(current):
        raise StaleState


def reload(form: forms.BaseForm, current: object) -> None:
    """After a conflict: the form keeps what was typed and now carries the current state."""
    data = form.data.copy() if isinstance(form.data, QueryDict) else dict(form.data)
    data[form.add_prefix(FIELD)] = fingerprint(current)
    form.data = data


def differences(
    form: forms.BaseForm,
    saved: Mapping[str, Any],
    show: Callable[[str, Any], str] = lambda _name, value: str(value),
) -> list[tuple[str, str]]:
    """(label, saved value as shown) for each field whose saved value differs from the typed."""
    typed = getattr(form, "cleaned_data", {})
    rows = []
    for name, value in saved.items():
        if name in form.fields and typed.get(name) != value:
            label = str(form.fields[name].label or name)
            rows.append((label, show(name, value) if value not in (None, "") else "–"))
    return rows
