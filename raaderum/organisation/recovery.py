"""One municipality's whole data as one file, and back.

`export_municipality` collects every row that belongs to the municipality – everything that
refers to it directly or through other rows (rounds, proposals, effects, published catalogs,
decisions, follow-up, history tables...) – plus the users those rows refer to, and writes them as
a Django JSON fixture with the original primary keys. `import_municipality` loads such a file
into a database that holds none of those rows (a new installation, or one the municipality was
removed from) with Django's loaddata, which checks every reference. Exporting again gives the
same file: the round trip is tested.

What is not in the file: sessions, the security log (django-axes) and the admin's own log – they
are about the installation's users, not the municipality's data (see docs/deployment.md for
backups of the whole database with pg_dump).
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.serializers import sort_dependencies
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.test.utils import override_settings

from raaderum.organisation.models import Municipality, User

FORMAT_VERSION = 1
# Installation-level tables: never followed, never exported.
SKIPPED_APPS = {"admin", "auth", "contenttypes", "sessions", "axes", "django_tasks"}


class RecoveryError(Exception):
    pass


class ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond (Django's encoder cuts them to milliseconds: not identical)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def _models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label not in SKIPPED_APPS or model is User
    ]


def _foreign_keys(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]]:
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if isinstance(field, models.ForeignKey) and field.concrete
    ]


def collect(municipality: Municipality) -> dict[type[models.Model], set[Any]]:
    """Primary keys per model of everything that belongs to the municipality."""
    owned: dict[type[models.Model], set[Any]] = defaultdict(set)
    owned[Municipality].add(municipality.pk)
    candidates = [m for m in _models() if m not in (User, Municipality)]
    changed = True
    while changed:  # until no table adds a row: as many passes as the deepest chain of references
        changed = False
        for model in candidates:
            for field in _foreign_keys(model):
                target = field.related_model
                if not isinstance(target, type) or target is User or not owned.get(target):
                    continue
                found = set(
                    model._base_manager.filter(**{f"{field.attname}__in": owned[target]})
                    .exclude(pk__in=owned[model])
                    .values_list("pk", flat=True)
                )
                if found:
                    owned[model] |= found
                    changed = True
    # The users the rows refer to (members, owners, authors, who changed what).
    users: set[Any] = set()
    for model, pks in list(owned.items()):
        for field in _foreign_keys(model):
            if field.related_model is User:
                users |= set(
                    model._base_manager.filter(pk__in=pks)
                    .exclude(**{f"{field.attname}__isnull": True})
                    .values_list(field.attname, flat=True)
                )
    owned[User] = users
    # Rows that belong to those users only (their notification settings, for instance).
    for model in candidates:
        keys = _foreign_keys(model)
        if keys and all(field.related_model is User for field in keys):
            owned[model] |= set(
                model._base_manager.filter(**{f"{keys[0].attname}__in": users}).values_list(
                    "pk", flat=True
                )
            )
    return {model: pks for model, pks in owned.items() if pks}


def export_municipality(municipality: Municipality) -> str:
    owned = collect(municipality)
    ordered = sort_dependencies([(None, list(owned))], allow_cycles=True)
    objects: list[models.Model] = []
    for model in ordered:
        if model._meta.auto_created:
            continue  # many-to-many tables travel inside their models' rows
        objects.extend(model._base_manager.filter(pk__in=owned[model]).order_by("pk"))
    rows = json.loads(serializers.serialize("json", objects, cls=ExactEncoder))
    return json.dumps(
        {
            "format": "raaderum-municipality",
            "version": FORMAT_VERSION,
            "municipality": {"code": municipality.code, "name": municipality.name},
            "rows": rows,
        },
        ensure_ascii=False,
        indent=1,
        sort_keys=True,
    )


def import_municipality(path: Path) -> int:
    """Load an exported file; returns the number of rows. All or nothing."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RecoveryError(f"Filen kan ikke læses som en eksport fra Råderum: {error}") from error
    if data.get("format") != "raaderum-municipality" or data.get("version") != FORMAT_VERSION:
        raise RecoveryError("Filen er ikke en eksport af en kommune fra denne version af Råderum.")
    code = data["municipality"]["code"]
    if Municipality.objects.filter(code=code).exists():
        raise RecoveryError(
            f"Kommune nummer {code} findes allerede i databasen. Indlæs i en database uden den."
        )
    fixture = path.with_suffix(".fixture.json")
    fixture.write_text(json.dumps(data["rows"], ensure_ascii=False), encoding="utf-8")
    try:
        # The history rows come from the file: recording the import itself as history (which
        # simple-history does when loaddata sets many-to-many fields) would add rows.
        with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic():
            call_command("loaddata", str(fixture), verbosity=0)
    finally:
        fixture.unlink()
    return len(data["rows"])
