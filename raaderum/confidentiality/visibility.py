"""The confidentiality rules applied to the database: what a role may see of a published
catalog, how pages and files are marked, and the access log.

raaderum.confidentiality.rules decides; this module reads the live levels (never frozen with a
version: the budget office may release or restrict after publishing) and filters querysets the
same way, so a list never holds what its reader may not open.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import F, Field, Model, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from raaderum.confidentiality import rules
from raaderum.confidentiality.models import AccessAction, AccessKind, AccessRecord

if TYPE_CHECKING:
    from raaderum.proposals.models import Proposal
    from raaderum.publication.models import CatalogVersion, PublishedProposal

_Q = TypeVar("_Q", bound="QuerySet[Any]")


def today() -> date:
    return timezone.localdate()


def version_level(version: CatalogVersion, on: date | None = None) -> str:
    return rules.effective_level(version.visibility, version.release_date, on or today())


def may_see_version(role: str | None, version: CatalogVersion, on: date | None = None) -> bool:
    return rules.may_see(role, version_level(version, on))


def require_version(role: str | None, version: CatalogVersion) -> None:
    """404 for a version the role may not see: its existence is not revealed."""
    if not may_see_version(role, version):
        raise Http404(_("Not found"))


def visible_versions(
    queryset: _Q, role: str | None, on: date | None = None, prefix: str = ""
) -> _Q:
    """Catalog versions (or rows of them, through `prefix`, e.g. "version__") the role may see."""
    on = on or today()
    if rules.may_see(role, rules.INTERNAL):
        return queryset
    queryset = queryset.exclude(**{f"{prefix}visibility": rules.INTERNAL})
    if rules.may_see(role, rules.CONFIDENTIAL):
        return queryset
    return queryset.exclude(_unreleased(prefix, on))


def _unreleased(prefix: str, on: date) -> Q:
    """Confidential and not yet released on `on` (no release date, or a later one)."""
    return Q(**{f"{prefix}visibility": rules.CONFIDENTIAL}) & (
        Q(**{f"{prefix}release_date__isnull": True}) | Q(**{f"{prefix}release_date__gt": on})
    )


def visible_published(
    queryset: _Q, role: str | None, on: date | None = None, prefix: str = ""
) -> _Q:
    """Published proposals (or rows pointing at them through `prefix`, e.g. "published__") the
    role may see by their proposals' own levels; the version's level is checked apart, once."""
    on = on or today()
    if rules.may_see(role, rules.INTERNAL):
        return queryset
    own = f"{prefix}proposal__"
    queryset = queryset.exclude(**{f"{own}visibility": rules.INTERNAL})
    if rules.may_see(role, rules.CONFIDENTIAL):
        return queryset
    return queryset.exclude(_unreleased(own, on))


def with_own_levels(queryset: _Q, prefix: str = "") -> _Q:
    """Published proposals with their live proposals' own level and release date, no join
    per row later: `own_visibility` and `own_release`."""
    return queryset.annotate(
        own_visibility=F(f"{prefix}proposal__visibility"),
        own_release=F(f"{prefix}proposal__release_date"),
    )


def _own(published: PublishedProposal) -> tuple[str, date | None]:
    if hasattr(published, "own_visibility"):
        return published.own_visibility, getattr(published, "own_release", None)
    return published.proposal.visibility, published.proposal.release_date


def published_level(
    version: CatalogVersion, published: PublishedProposal, on: date | None = None
) -> str:
    own, release = _own(published)
    return rules.proposal_level(
        version.visibility, version.release_date, own, release, on or today()
    )


def _items(
    version: CatalogVersion, proposals: Iterable[PublishedProposal]
) -> list[tuple[str, date | None]]:
    items: list[tuple[str, date | None]] = [(version.visibility, version.release_date)]
    for published in proposals:
        own, release = _own(published)
        if own != rules.AS_CATALOG:
            items.append((own, release))
    return items


@dataclass(frozen=True)
class Marking:
    """How a page or file showing confidential or internal material is marked."""

    level: str
    release_date: date | None = None

    @property
    def public(self) -> bool:
        return self.level == rules.PUBLIC

    @property
    def internal(self) -> bool:
        return self.level == rules.INTERNAL

    @property
    def heading(self) -> str:
        if self.level == rules.INTERNAL:
            return _("INTERNAL – for the administration only")
        if self.level == rules.CONFIDENTIAL:
            return _("CONFIDENTIAL – for the members of the council")
        return ""

    @property
    def text(self) -> str:
        """The whole mark in one line, e.g. for the PDF's running header and the Excel file."""
        if self.level == rules.CONFIDENTIAL and self.release_date is not None:
            return _("%(heading)s. Released on %(date)s.") % {
                "heading": self.heading,
                "date": formats.date_format(self.release_date, "j. F Y"),
            }
        return f"{self.heading}." if self.heading else ""

    def key(self) -> str:
        return f"{self.level}:{self.release_date.isoformat() if self.release_date else ''}"


def marking_of(
    version: CatalogVersion, proposals: Iterable[PublishedProposal] = (), on: date | None = None
) -> Marking:
    """The mark of material showing the version with these of its proposals."""
    level, release = rules.marking(_items(version, proposals), on or today())
    return Marking(level, release)


def proposal_marking(proposal: Proposal, on: date | None = None) -> Marking:
    """The mark of a live proposal's page: its own level (drafts are internal pages anyway)."""
    if proposal.visibility == rules.AS_CATALOG:
        return Marking(rules.PUBLIC)
    level, release = rules.marking([(proposal.visibility, proposal.release_date)], on or today())
    return Marking(level, release)


def variant_key(marking: Marking, excluded: Iterable[int]) -> str:
    """What a cached file of a version depends on: its mark and the proposals left out."""
    left_out = ",".join(str(pk) for pk in sorted(excluded))
    digest = hashlib.sha256(left_out.encode()).hexdigest()[:16]
    return f"{marking.key()}:{digest}"


def record_access(
    request: HttpRequest,
    municipality_id: int,
    *,
    kind: AccessKind,
    object_id: object,
    label: str,
    level: str,
    action: AccessAction = AccessAction.VIEW,
) -> AccessRecord | None:
    """Log a view or download of material that is not public: one INSERT, nothing else.

    The address is the path alone: a query string may hold a share token or filters.
    """
    if level == rules.PUBLIC:
        return None
    user = request.user
    return AccessRecord.objects.create(
        municipality_id=municipality_id,
        user_id=user.pk,
        username=user.get_username(),
        name=user.get_full_name() if hasattr(user, "get_full_name") else "",
        action=action,
        kind=kind,
        object_id=str(object_id)[:64],
        label=label[:300],
        level=level,
        path=request.path[:500],
    )


@dataclass(frozen=True)
class ToggleState:
    """What a simulator toggle must know besides the frozen version, read live in one query."""

    role: str | None
    version_level: str  # effective today
    restricted: bool  # some proposal of the version has its own level


def toggle_state(user_id: int | None, municipality_id: int, version_id: int) -> ToggleState:
    """The user's role, the version's level and whether any of its proposals is held back, in one
    plain SQL query: the toggle has a speed goal (docs/benchmarks.md) and was one query for the
    role alone (raaderum.access.role_of). Tested against the ORM in tests/test_toggle_state.py.
    """
    from django.db import connection

    from raaderum.organisation.models import Membership
    from raaderum.proposals.models import Proposal
    from raaderum.publication.models import CatalogVersion, PublishedProposal

    quote = connection.ops.quote_name

    def table(model: type[Model]) -> str:
        return quote(model._meta.db_table)

    def column(model: type[Model], name: str) -> str:
        field = model._meta.get_field(name)
        assert isinstance(field, Field)
        return quote(field.column)

    # Only the models' own table and column names go into the text, quoted; values are params.
    sql = (
        f"SELECT (SELECT m.{column(Membership, 'role')} FROM {table(Membership)} m "  # noqa: S608
        f"WHERE m.{column(Membership, 'user')} = %s "
        f"AND m.{column(Membership, 'municipality')} = %s), "
        f"v.{column(CatalogVersion, 'visibility')}, v.{column(CatalogVersion, 'release_date')}, "
        f"EXISTS (SELECT 1 FROM {table(PublishedProposal)} pp "
        f"JOIN {table(Proposal)} p ON p.{quote('id')} = pp.{column(PublishedProposal, 'proposal')} "
        f"WHERE pp.{column(PublishedProposal, 'version')} = v.{quote('id')} "
        f"AND p.{column(Proposal, 'visibility')} <> %s) "
        f"FROM {table(CatalogVersion)} v WHERE v.{quote('id')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id, municipality_id, rules.AS_CATALOG, version_id])
        row = cursor.fetchone()
    if row is None:
        raise Http404(_("Not found"))
    role, level, release, restricted = row
    if isinstance(release, str):  # SQLite hands dates back as text
        release = date.fromisoformat(release)
    return ToggleState(role, rules.effective_level(level, release, today()), bool(restricted))
