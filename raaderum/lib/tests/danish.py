"""For property tests: is a message shown to a person one of the Danish catalogue's sentences?

A message is Danish when it is the msgstr of an entry in our catalogue or Django's, with any
%(name)s filled in. An English msgid that slipped through untranslated matches none of them.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import django
import polib  # type: ignore[import-untyped]

CATALOGUES = (
    Path(__file__).resolve().parents[3] / "locale/da/LC_MESSAGES/django.po",
    Path(django.__file__).parent / "conf/locale/da/LC_MESSAGES/django.po",
)
_PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[sd]")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    patterns = []
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            texts = [entry.msgstr, *entry.msgstr_plural.values()]
            for text in texts:
                if not text or entry.fuzzy or entry.obsolete:
                    continue
                pieces = _PLACEHOLDER.split(text.replace("%%", "%"))
                patterns.append(re.compile(".+?".join(re.escape(p) for p in pieces), re.DOTALL))
    return tuple(patterns)


def is_danish(message: str) -> bool:
    return any(pattern.fullmatch(message) for pattern in _patterns())


def assert_danish(messages: list[str]) -> None:
    """At least one message, and every one of them Danish."""
    assert messages, "no error message at all"
    english = [message for message in messages if not is_danish(message)]
    assert english == [], f"not in the Danish catalogue: {english}"
