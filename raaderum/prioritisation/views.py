"""The budget simulator, scenarios, the optimiser page and the impact scores page.

The simulator and the optimiser post their choices (one field per proposal, a few hundred of
them): addresses stay short whatever the size of the catalog. What should be kept or shared is
saved as a scenario, which has its own link.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from uuid import UUID, uuid4

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.validators import MinValueValidator
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality import rules as visibility_rules
from raaderum.confidentiality import visibility
from raaderum.confidentiality.models import AccessKind
from raaderum.impactscreening import published as impact_screening
from raaderum.impactscreening.published import VersionScreening
from raaderum.lib.forms import AmountField
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.lib.money import format_kr, format_tkr
from raaderum.prioritisation import optimisation
from raaderum.prioritisation.models import Scenario
from raaderum.prioritisation.simulation import (
    LIST_FIELDS,
    Relation,
    Row,
    Selection,
    chosen_proposals,
    chosen_rows,
    clean_codes,
    evaluate,
    relations_for,
)
from raaderum.proposals.catalog import build_catalog
from raaderum.proposals.models import Proposal, ProposalRelation, ProposalStatus, RelationKind
from raaderum.publication.access import get_version
from raaderum.publication.models import CatalogVersion, PublishedProposal
from raaderum.rounds.models import BudgetRound

MAX_COMPARED = 4


def _shown(
    request: AuthenticatedHttpRequest,
    version: CatalogVersion,
    queryset: QuerySet[PublishedProposal] | None = None,
) -> QuerySet[PublishedProposal]:
    """The version's proposals (or those of `queryset`) the user may see, with their levels."""
    role = access.role_in(request.user, version.round.municipality_id)
    if queryset is None:
        queryset = version.proposals.all()
    return visibility.with_own_levels(visibility.visible_published(queryset, role))


def _visible_codes(
    request: AuthenticatedHttpRequest, version: CatalogVersion, codes: list[str]
) -> list[str]:
    """The codes of proposals the user may see: a hand-made POST cannot add a hidden one."""
    if not codes:
        return codes
    known = set(_shown(request, version).filter(code__in=codes).values_list("code", flat=True))
    return [code for code in codes if code in known]


def _log_view(
    request: AuthenticatedHttpRequest,
    version: CatalogVersion,
    proposals: list[PublishedProposal],
    kind: AccessKind,
    label: str,
    object_id: object,
) -> visibility.Marking:
    """Log the page view if what it shows is not public; the mark for its banner."""
    marking = visibility.marking_of(version, proposals)
    visibility.record_access(
        request,
        version.round.municipality_id,
        kind=kind,
        object_id=object_id,
        label=label,
        level=marking.level,
    )
    return marking


def _version_label(version: CatalogVersion) -> str:
    return _("%(name)s, version %(number)s") % {
        "name": version.round_name,
        "number": version.number,
    }


# What the simulator and the optimiser show of each proposal: not the long texts.
PAGE_FIELDS = (*LIST_FIELDS, "consequences_service", "consequences_citizens")


def _grouped(proposals: list[PublishedProposal], years: list[int]) -> list[dict[str, object]]:
    """Proposals by committee, in catalog order, each with its råderum per year formatted once."""
    groups: dict[int, dict[str, object]] = {}
    for proposal in proposals:
        headroom = proposal.headroom
        proposal.cells = [format_tkr(int(headroom.get(str(y), 0))) for y in years]  # type: ignore[attr-defined]
        rows = groups.setdefault(
            proposal.committee_id, {"committee": proposal.published_committee, "rows": []}
        )["rows"]
        rows.append(proposal)  # type: ignore[attr-defined]
    return list(groups.values())


def announcement(selection: Selection) -> str:
    """What a screen reader hears after a toggle: the count and one year against the target.

    The first year the target is not met; when it is met in every year, the year of the largest
    target (the year of full effect).
    """
    count = selection.count
    missing = [status for status in selection.status if not status.met]
    if missing:
        status = missing[0]
        return ngettext(
            "%(count)s proposal chosen. Råderum %(year)s: %(headroom)s, %(gap)s missing.",
            "%(count)s proposals chosen. Råderum %(year)s: %(headroom)s, %(gap)s missing.",
            count,
        ) % {
            "count": count,
            "year": status.year,
            "headroom": format_kr(status.headroom),
            "gap": format_kr(status.gap),
        }
    if not selection.status:
        return ngettext("%(count)s proposal chosen.", "%(count)s proposals chosen.", count) % {
            "count": count
        }
    status = max(selection.status, key=lambda s: (s.target, -s.year))
    return ngettext(
        # No full stop after the amount: it ends with "kr."
        "%(count)s proposal chosen. The target is met in every year; råderum %(year)s: "
        "%(headroom)s",
        "%(count)s proposals chosen. The target is met in every year; råderum %(year)s: "
        "%(headroom)s",
        count,
    ) % {"count": count, "year": status.year, "headroom": format_kr(status.headroom)}


def totals_context(
    version: CatalogVersion, selection: Selection, screening: VersionScreening | None = None
) -> dict[str, object]:
    """What one toggle renders: the totals region and, out of band, the short announcement;
    with the version's impact screening, the chosen proposals' profile (bands per question)."""
    return {
        "round": version.round,
        "version": version,
        "selection": selection,
        "oob": True,
        "announcement": announcement(selection),
        "profile": screening.profile(p.pk for p in selection.chosen) if screening else [],
    }


def _opened_scenario(
    request: AuthenticatedHttpRequest, version: CatalogVersion, key: str | None
) -> tuple[Scenario | None, bool]:
    """The scenario the simulator was opened from (its id or its share link) and whether the
    user may save into it. None for no scenario, one of another version or one the user may
    not see: the simulator then simply starts empty."""
    if not key:
        return None, False
    try:
        scenario, may_change = get_scenario(request, UUID(key))
    except (ValueError, Http404, PermissionDenied):
        return None, False
    if scenario.version_id != version.pk:
        return None, False
    return scenario, may_change


def _simulator_page(
    request: AuthenticatedHttpRequest,
    version: CatalogVersion,
    codes: list[str],
    data: QueryDict,
    form: ScenarioForm | None = None,
    status: int = 200,
) -> HttpResponse:
    budget_round = version.round
    scenario, may_change = _opened_scenario(request, version, data.get("scenario"))
    if scenario is not None and request.method == "GET":
        codes = list(scenario.proposals.order_by("position").values_list("code", flat=True))
    proposals = list(_shown(request, version).only(*PAGE_FIELDS).order_by("position"))
    wanted = set(codes)
    chosen = [p for p in proposals if p.code in wanted]
    selection = evaluate(version, chosen, relations_for(version, proposals, all_of_version=True))
    marking = _log_view(
        request, version, proposals, AccessKind.SIMULATOR, _version_label(version), version.pk
    )
    # The impact screening's filter narrows the list; ticked ones it hides stay chosen.
    screening = impact_screening.for_simulator(
        version, proposals, chosen, data.get("screening", "")
    )
    membership = access.membership_for(request.user, budget_round.municipality_id)
    if form is None:
        # The plain "Calculate" keeps what was typed into the save form.
        form = ScenarioForm(
            initial={
                "name": data.get("name", ""),
                "shared_with_party": bool(data.get("shared_with_party")),
            }
        )
    return render(
        request,
        "prioritisation/simulator.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "version": version,
            "groups": _grouped(screening.listed, budget_round.years),
            "selection": selection,
            "screening": screening,
            "profile": screening.screening.profile(p.pk for p in chosen),
            "chosen_codes": wanted,
            "may_optimise": access.role_may(
                membership.role if membership else None, Action.OPTIMISE
            ),
            "party": membership.party if membership else "",
            "scenario": scenario,
            "scenario_key": data.get("scenario", ""),
            "may_change": may_change,
            "form": form,
            "count": len(proposals),
            "marking": marking,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def simulator(request: AuthenticatedHttpRequest, round_id: UUID, number: int) -> HttpResponse:
    """The simulator page. GET: empty, or the selection of the scenario it was opened from;
    POST (the plain form's "Calculate", without JavaScript): the totals of the ticked ones."""
    version = get_version(request.user, round_id, number, Action.SIMULATE)
    if request.method == "POST":
        return _simulator_page(
            request, version, clean_codes(request.POST.getlist("chosen")), request.POST
        )
    return _simulator_page(request, version, [], request.GET)


@dataclass(frozen=True)
class FrozenVersion:
    """What a toggle reads of a published version; none of it changes after publication."""

    version: CatalogVersion  # with its round
    rows: dict[str, Row]  # every proposal, by code, in catalog order
    relations: list[Relation]  # the version's relations, mapped onto the rows
    target: dict[int, int]
    screening: VersionScreening  # the impact screening as frozen with the version


def freeze(version: CatalogVersion) -> FrozenVersion:
    codes = list(version.proposals.order_by("position").values_list("code", flat=True))
    rows = {row.code: row for row in chosen_rows(version, codes)}
    relations = relations_for(version, list(rows.values()), all_of_version=True)
    return FrozenVersion(
        version,
        rows,
        relations,
        version.target_by_year(),
        impact_screening.for_version(version),
    )


# A published version never changes (its proposals, their committees and the relations between
# them are frozen with it), so a process keeps the versions being simulated rather than read a
# few hundred proposals on each toggle; a toggle then only checks the user's role. Keyed by the
# round's public id, which is never reused (ids are, after a rolled-back transaction). A version
# goes only with its round; until it drops out of here, a process may still answer toggles on it
# to members of its municipality.
_VERSIONS_KEPT = 8
_versions_kept: OrderedDict[tuple[UUID, int], FrozenVersion] = OrderedDict()
_versions_lock = threading.Lock()


def _toggled_version(
    request: AuthenticatedHttpRequest, round_id: UUID, number: int
) -> FrozenVersion:
    """The version a toggle is for, once the user's role allows it: 404 or 403 as get_version."""
    key = (round_id, number)
    with _versions_lock:
        kept = _versions_kept.get(key)
        if kept is not None:
            _versions_kept.move_to_end(key)
    if kept is not None:
        return kept
    # The first toggle of the version in this process: the version, its round and the role in
    # one query, then its proposals.
    versions = access.with_role(
        CatalogVersion.objects.select_related("round").defer("note"),
        request.user,
        "round__municipality_id",
    )
    try:
        version = versions.get(round__public_id=round_id, number=number)
    except CatalogVersion.DoesNotExist:
        raise Http404(_("Not found")) from None
    access.require_role(version.user_role, Action.SIMULATE)  # type: ignore[attr-defined]
    visibility.require_version(version.user_role, version)  # type: ignore[attr-defined]
    kept = freeze(version)
    with _versions_lock:
        _versions_kept[key] = kept
        while len(_versions_kept) > _VERSIONS_KEPT:
            _versions_kept.popitem(last=False)
    return kept


@login_required
@require_POST
def simulator_totals(
    request: AuthenticatedHttpRequest, round_id: UUID, number: int
) -> HttpResponse:
    """One toggle (htmx): the totals region for the ticked proposals and the announcement."""
    if not request.htmx:
        return simulator(request, round_id, number)
    frozen = _toggled_version(request, round_id, number)
    # The role, and who may see the version and its proposals now (visibility is live, not
    # frozen), in one query.
    state = visibility.toggle_state(
        request.user.pk, frozen.version.round.municipality_id, frozen.version.pk
    )
    access.require_role(state.role, Action.SIMULATE)
    if not visibility_rules.may_see(state.role, state.version_level):
        raise Http404(_("Not found"))
    # raaderum.js sends the ticked codes as one field, a code a line (one field per checkbox
    # would cost a few hundred to parse on every tick); the plain form sends a field each.
    wanted = {code for value in request.POST.getlist("chosen") for code in value.split("\n")}
    if state.restricted and not visibility_rules.may_see(state.role, visibility_rules.INTERNAL):
        # A proposal held back from this reader never counts, whatever was posted.
        wanted &= set(
            visibility.visible_published(frozen.version.proposals.all(), state.role).values_list(
                "code", flat=True
            )
        )
    chosen = [row for code, row in frozen.rows.items() if code in wanted]
    selection = evaluate(frozen.version, chosen, frozen.relations, target=frozen.target)
    # Rendered without the request: the fragment needs no context processor (no user, messages
    # or CSRF token), and each would cost a toggle its share.
    return HttpResponse(
        render_to_string(
            "prioritisation/simulator.html#simulator-totals",
            totals_context(frozen.version, selection, frozen.screening),
        )
    )


class ScenarioForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name of the scenario"),
        max_length=200,
        error_messages={"required": gettext_lazy("Give the scenario a name to save it.")},
    )
    shared_with_party = forms.BooleanField(
        label=gettext_lazy("Share with my party group"), required=False
    )


def _optimiser_result_name() -> str:
    return _("Optimiser result %(when)s") % {
        "when": timezone.localtime().strftime("%d.%m.%Y %H:%M")
    }


@login_required
@require_POST
def scenario_save(request: AuthenticatedHttpRequest, round_id: UUID, number: int) -> HttpResponse:
    """Save the ticked proposals (the simulator) or the optimiser's result as a new scenario."""
    version = get_version(request.user, round_id, number, Action.SIMULATE)
    budget_round = version.round
    membership = access.require(request.user, budget_round.municipality_id, Action.SIMULATE)
    codes = clean_codes(request.POST.getlist("chosen"))
    from_optimiser = request.POST.get("from_optimiser") == "1"
    data: QueryDict = request.POST
    if from_optimiser:
        access.require(request.user, budget_round.municipality_id, Action.OPTIMISE)
        if not data.get("name", "").strip():
            data = request.POST.copy()
            data["name"] = _optimiser_result_name()
    form = ScenarioForm(data)
    if not form.is_valid():
        # Back to the simulator with the same proposals ticked and the error at the name.
        return _simulator_page(request, version, codes, data, form=form, status=422)
    with transaction.atomic():
        scenario = Scenario.objects.create(
            version=version,
            name=form.cleaned_data["name"],
            owner=request.user,
            party=membership.party,
            shared_with_party=form.cleaned_data["shared_with_party"] and bool(membership.party),
            from_optimiser=from_optimiser,
        )
        scenario.proposals.set(chosen_proposals(version, _visible_codes(request, version, codes)))
    messages.success(request, _("The scenario is saved."))
    return redirect("scenario_detail", scenario.public_id)


def _visible_scenarios(
    request: AuthenticatedHttpRequest, version: CatalogVersion
) -> list[Scenario]:
    membership = access.membership_for(request.user, version.round.municipality_id)
    party = membership.party if membership else ""
    return list(
        Scenario.objects.filter(version=version)
        .visible_to(request.user, party)
        .select_related("owner")
        .annotate(proposal_count=Count("proposals"))
        .order_by("name", "pk")
    )


@login_required
@require_GET
def scenario_list(request: AuthenticatedHttpRequest, round_id: UUID, number: int) -> HttpResponse:
    version = get_version(request.user, round_id, number, Action.SIMULATE)
    budget_round = version.round
    return render(
        request,
        "prioritisation/scenario_list.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "version": version,
            "scenarios": _visible_scenarios(request, version),
        },
    )


def get_scenario(request: AuthenticatedHttpRequest, key: UUID) -> tuple[Scenario, bool]:
    """A scenario by its own id (owner, or party when shared) or by its share token (read-only).

    Returns the scenario and whether the user may change it. Another municipality: 404.
    """
    scenario = (
        Scenario.objects.select_related("version__round__municipality", "owner")
        .filter(Q(public_id=key) | Q(share_token=key))
        .first()
    )
    if scenario is None:
        raise Http404(_("Not found"))
    membership = access.require(
        request.user, scenario.version.round.municipality_id, Action.SIMULATE
    )
    visibility.require_version(membership.role, scenario.version)
    is_owner = scenario.owner_id == request.user.pk
    if scenario.share_token == key or is_owner:
        return scenario, is_owner
    if scenario.shared_with_party and scenario.party and scenario.party == membership.party:
        return scenario, False
    raise Http404(_("Not found"))


@login_required
@require_GET
def scenario_detail(request: AuthenticatedHttpRequest, key: UUID) -> HttpResponse:
    scenario, may_change = get_scenario(request, key)
    version = scenario.version
    chosen = list(
        _shown(request, version, scenario.proposals.all()).only(*PAGE_FIELDS).order_by("position")
    )
    marking = _log_view(
        request,
        version,
        chosen,
        AccessKind.SCENARIO,
        f"{scenario.name} ({_version_label(version)})",
        scenario.pk,
    )
    _grouped(chosen, version.round.years)
    selection = evaluate(version, chosen, relations_for(version, chosen))
    share_url = request.build_absolute_uri(reverse("scenario_detail", args=[scenario.share_token]))
    return render(
        request,
        "prioritisation/scenario_detail.html",
        {
            "round": version.round,
            "municipality": version.round.municipality,
            "version": version,
            "scenario": scenario,
            "selection": selection,
            "marking": marking,
            "may_change": may_change,
            "form": ScenarioForm(
                initial={"name": scenario.name, "shared_with_party": scenario.shared_with_party}
            ),
            "share_url": share_url,
            # The owner opens the scenario itself; anyone else a copy, by the key they came with
            # (never the share link to a party member: it would let them pass it on).
            "open_url": reverse("simulator", args=[version.round.public_id, version.number])
            + f"?scenario={scenario.public_id if may_change else key}",
        },
    )


def _own(request: AuthenticatedHttpRequest, public_id: UUID) -> Scenario:
    scenario, may_change = get_scenario(request, public_id)
    if scenario.public_id != public_id:
        raise Http404(_("Not found"))  # a share link never opens the way to changes
    if not may_change:
        raise access.PermissionDenied(_("Only the owner may change the scenario."))
    return scenario


@login_required
@require_POST
def scenario_update(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """Rename, share or unshare, renew the link, or replace the selection from the simulator."""
    scenario = _own(request, public_id)
    if request.POST.get("replace_selection"):
        codes = _visible_codes(
            request, scenario.version, clean_codes(request.POST.getlist("chosen"))
        )
        scenario.proposals.set(chosen_proposals(scenario.version, codes))
        scenario.save(update_fields=["updated_at"])
        messages.success(request, _("The chosen proposals are saved in the scenario."))
    elif request.POST.get("renew_link"):
        scenario.share_token = uuid4()
        scenario.save(update_fields=["share_token", "updated_at"])
        messages.success(request, _("The scenario has a new link. The old link no longer works."))
    else:
        form = ScenarioForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the scenario a name to save it."))
            return redirect("scenario_detail", scenario.public_id)
        scenario.name = form.cleaned_data["name"]
        scenario.shared_with_party = form.cleaned_data["shared_with_party"] and bool(scenario.party)
        scenario.save(update_fields=["name", "shared_with_party", "updated_at"])
        messages.success(request, _("The scenario is saved."))
    return redirect("scenario_detail", scenario.public_id)


@login_required
@require_POST
def scenario_delete(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    scenario = _own(request, public_id)
    version = scenario.version
    scenario.delete()
    messages.success(request, _("The scenario is deleted."))
    return redirect("scenario_list", version.round.public_id, version.number)


@login_required
@require_GET
def scenario_compare(
    request: AuthenticatedHttpRequest, round_id: UUID, number: int
) -> HttpResponse:
    version = get_version(request.user, round_id, number, Action.SIMULATE)
    budget_round = version.round
    wanted = set(request.GET.getlist("s"))
    visible = {str(s.public_id): s for s in _visible_scenarios(request, version)}
    scenarios = [visible[key] for key in visible if key in wanted]
    if not 2 <= len(scenarios) <= MAX_COMPARED:
        messages.error(request, _("Choose between 2 and 4 scenarios to compare."))
        return redirect("scenario_list", budget_round.public_id, version.number)
    through = Scenario.proposals.through.objects.filter(scenario__in=scenarios).values_list(
        "scenario_id", "publishedproposal_id"
    )
    members: dict[int, set[int]] = {s.pk: set() for s in scenarios}
    for scenario_id, proposal_id in through:
        members[scenario_id].add(proposal_id)
    every = set().union(*members.values())
    proposals = {p.pk: p for p in _shown(request, version).filter(pk__in=every).only(*PAGE_FIELDS)}
    every &= set(proposals)
    for chosen_ids in members.values():
        chosen_ids &= every
    relations = relations_for(version, list(proposals.values()))
    target = version.target_by_year()
    columns = []
    for scenario in scenarios:
        chosen = sorted((proposals[i] for i in members[scenario.pk]), key=lambda p: p.position)
        columns.append(
            {
                "scenario": scenario,
                "selection": evaluate(version, chosen, relations, target=target),
            }
        )
    common = set.intersection(*members.values())
    differing = sorted((proposals[i] for i in every - common), key=lambda p: p.position)
    rows = [{"proposal": p, "in": [p.pk in members[s.pk] for s in scenarios]} for p in differing]
    marking = _log_view(
        request,
        version,
        list(proposals.values()),
        AccessKind.SCENARIO,
        _("Comparison of %(names)s (%(version)s)")
        % {"names": ", ".join(s.name for s in scenarios), "version": _version_label(version)},
        ",".join(str(s.pk) for s in scenarios),
    )
    return render(
        request,
        "prioritisation/scenario_compare.html",
        {
            "marking": marking,
            "round": budget_round,
            "municipality": budget_round.municipality,
            "version": version,
            "columns": columns,
            "years": budget_round.years,
            "target": target,
            "rows": rows,
            "common_count": len(common),
        },
    )


RULES = ("", "include", "exclude")


@login_required
@require_http_methods(["GET", "POST"])
def optimiser_page(request: AuthenticatedHttpRequest, round_id: UUID, number: int) -> HttpResponse:
    """GET: the choices. POST: run the optimiser on them and show the result, which the user
    can open as a scenario (the address to keep and share); the choices stay as they were sent.
    """
    version = get_version(request.user, round_id, number, Action.OPTIMISE)
    budget_round = version.round
    proposals = list(_shown(request, version).only(*PAGE_FIELDS).order_by("position"))
    marking = _log_view(
        request, version, proposals, AccessKind.OPTIMISER, _version_label(version), version.pk
    )
    relations = relations_for(version, proposals, all_of_version=True)
    rules = {}
    for proposal in proposals:
        rule = request.POST.get(f"rule-{proposal.code}", "")
        rules[proposal.code] = rule if rule in RULES else ""
    result = None
    selection = None
    if request.method == "POST":
        result = optimisation.run(version, proposals, relations, rules)
        chosen = [p for p in proposals if p.code in result.solution.chosen]
        _grouped(chosen, budget_round.years)
        selection = evaluate(version, chosen, relations)
    return render(
        request,
        "prioritisation/optimiser.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "version": version,
            "groups": _grouped(proposals, budget_round.years),
            "rules": rules,
            "relations": optimisation.describe_relations(relations),
            "result": result,
            "selection": selection,
            "default_name": _optimiser_result_name(),
            "marking": marking,
        },
    )


def _in_catalog(budget_round: BudgetRound) -> list[Proposal]:
    return list(budget_round.proposals.filter(status=ProposalStatus.IN_CATALOG).for_catalog())


class ImpactForm(forms.Form):
    def __init__(self, proposals: list[Proposal], *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for proposal in proposals:
            self.fields[f"impact-{proposal.number}-{proposal.committee_id}"] = AmountField(
                label=_("Impact score for %(code)s") % {"code": proposal.code},
                required=False,
                initial=proposal.impact_score,
                validators=[MinValueValidator(0, _("The impact score cannot be negative."))],
            )

    @staticmethod
    def key(proposal: Proposal) -> str:
        return f"impact-{proposal.number}-{proposal.committee_id}"


class ProposalChoiceField(forms.ModelChoiceField[Proposal]):
    def label_from_instance(self, obj: Proposal) -> str:
        return f"{obj.code} {obj.title}"


class RelationForm(forms.Form):
    proposal = ProposalChoiceField(queryset=Proposal.objects.none(), label=gettext_lazy("Proposal"))
    kind = forms.ChoiceField(choices=RelationKind.choices, label=gettext_lazy("Relation"))
    other = ProposalChoiceField(
        queryset=Proposal.objects.none(), label=gettext_lazy("Other proposal")
    )

    def __init__(self, budget_round: BudgetRound, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        queryset = budget_round.proposals.filter(status=ProposalStatus.IN_CATALOG).for_catalog()
        for name in ("proposal", "other"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        a, b, kind = data.get("proposal"), data.get("other"), data.get("kind")
        if a and b:
            if a == b:
                raise forms.ValidationError(_("Choose two different proposals."))
            same = ProposalRelation.objects.filter(proposal=a, other=b, kind=kind)
            if kind == RelationKind.EXCLUDES:
                same = ProposalRelation.objects.filter(
                    Q(proposal=a, other=b) | Q(proposal=b, other=a), kind=kind
                )
            if same.exists():
                raise forms.ValidationError(_("The relation is already there."))
        return data


def _impact_page(
    request: AuthenticatedHttpRequest,
    budget_round: BudgetRound,
    form: ImpactForm,
    relation_form: RelationForm,
    proposals: list[Proposal],
    status: int = 200,
) -> HttpResponse:
    catalog = build_catalog(budget_round, proposals)
    for group in catalog.groups:
        for row in group.rows:
            row.field = form[ImpactForm.key(row.proposal)]  # type: ignore[attr-defined]
    relations = (
        ProposalRelation.objects.filter(proposal__round=budget_round)
        .select_related("proposal__committee", "other__committee")
        .order_by("proposal__committee__position", "proposal__number", "pk")
    )
    return render(
        request,
        "prioritisation/impact.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "catalog": catalog,
            "form": form,
            "relation_form": relation_form,
            "relations": relations,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def impact(request: AuthenticatedHttpRequest, round_id: UUID) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.SET_IMPACT)
    proposals = _in_catalog(budget_round)
    if request.method == "POST":
        form = ImpactForm(proposals, request.POST)
        if form.is_valid():
            changed = 0
            for proposal in proposals:
                value = form.cleaned_data[ImpactForm.key(proposal)]
                if value != proposal.impact_score:
                    proposal.impact_score = value
                    proposal.updated_by = request.user
                    proposal.save(update_fields=["impact_score", "updated_by", "updated_at"])
                    changed += 1
            messages.success(
                request,
                ngettext(
                    "%(count)s impact score changed. It applies from the next published version.",
                    "%(count)s impact scores changed. They apply from the next published version.",
                    changed,
                )
                % {"count": changed},
            )
            return redirect("impact", budget_round.public_id)
        return _impact_page(
            request, budget_round, form, RelationForm(budget_round), proposals, status=400
        )
    return _impact_page(
        request, budget_round, ImpactForm(proposals), RelationForm(budget_round), proposals
    )


@login_required
@require_POST
def relation_add(request: AuthenticatedHttpRequest, round_id: UUID) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.SET_IMPACT)
    relation_form = RelationForm(budget_round, request.POST)
    if not relation_form.is_valid():
        proposals = _in_catalog(budget_round)
        return _impact_page(
            request, budget_round, ImpactForm(proposals), relation_form, proposals, status=400
        )
    ProposalRelation.objects.create(
        proposal=relation_form.cleaned_data["proposal"],
        kind=relation_form.cleaned_data["kind"],
        other=relation_form.cleaned_data["other"],
    )
    messages.success(request, _("The relation is added."))
    return redirect("impact", budget_round.public_id)


@login_required
@require_POST
def relation_delete(request: AuthenticatedHttpRequest, round_id: UUID) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.SET_IMPACT)
    relation_id = request.POST.get("relation", "")
    deleted = 0
    if relation_id.isdigit():
        deleted, _detail = ProposalRelation.objects.filter(
            pk=int(relation_id), proposal__round=budget_round
        ).delete()
    if deleted:
        messages.success(request, _("The relation is removed."))
    return redirect("impact", budget_round.public_id)
