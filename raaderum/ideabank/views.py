"""The idea bank's pages. Access rules: raaderum/ideabank/access.py."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from raaderum import access
from raaderum.access import Action
from raaderum.ideabank import access as bank_access
from raaderum.ideabank import exchange
from raaderum.ideabank.actions import (
    ImportRefused,
    check_entries,
    do_delete_bank_idea,
    do_import_bank_ideas,
    do_save_bank_idea,
    do_use_bank_idea,
)
from raaderum.ideabank.forms import BankIdeaForm, ImportForm, SearchForm, UseForm
from raaderum.ideabank.models import BankIdea, BankIdeaUse
from raaderum.ideabank.search import search_bank, source_names
from raaderum.ideas.access import get_idea
from raaderum.ideas.models import Idea
from raaderum.lib.http import AuthenticatedHttpRequest

IDEAS_PER_PAGE = 20
EXPORT_TYPES = {
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}


@login_required
@require_GET
def ideabank(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Search the bank: the words typed, the filters, best match first, 20 to a page."""
    bank_access.require_reader(request.user)
    form = SearchForm(request.GET, sources=source_names())
    filters = form.filters()
    query = form.query
    page = Paginator(search_bank(query, filters), IDEAS_PER_PAGE).get_page(request.GET.get("page"))
    # The search and filters without the page number, for the pages' links and the export.
    params = request.GET.copy()
    params.pop("page", None)
    context: dict[str, Any] = {
        "form": form,
        "page": page,
        "ideas": list(page.object_list),
        "page_numbers": [
            number if isinstance(number, int) else None
            for number in page.paginator.get_elided_page_range(page.number, on_each_side=2)
        ],
        "params": params.urlencode(),
        "searched": bool(query) or filters.any,
        "may_manage": bool(bank_access.managed_municipalities(request.user)),
    }
    template = "ideabank/ideabank.html"
    if request.htmx and request.htmx.target == "bank-result":
        template += "#bank-result"
    return render(request, template, context)


@login_required
@require_GET
def ideabank_export(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    """The ideas of the current search and filters (all pages) in the open exchange format."""
    bank_access.require_reader(request.user)
    if kind not in EXPORT_TYPES:
        raise Http404(_("Not found"))
    form = SearchForm(request.GET, sources=source_names())
    ideas = search_bank(form.query, form.filters())
    records = (exchange.idea_record(idea) for idea in ideas.iterator(chunk_size=2000))
    if kind == "json":
        body = exchange.write_json(records, exported=timezone.now())
    else:
        body = exchange.write_csv(records)
    response = HttpResponse(body, content_type=EXPORT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="idebank.{kind}"'
    return response


def _render_detail(
    request: AuthenticatedHttpRequest,
    bank_idea: BankIdea,
    *,
    use_form: UseForm | None = None,
    rounds: list[Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    may_use = any(
        access.role_may(m.role, Action.USE_BANK_IDEA) for m in bank_access.memberships(user)
    )
    if rounds is None:
        rounds = bank_access.rounds_for_use(user) if may_use else []
    # Uses and the idea it was shared from are the using municipality's own data.
    visible = [
        m.municipality_id
        for m in bank_access.memberships(user)
        if access.role_may(m.role, Action.VIEW_IDEAS)
    ]
    uses = list(
        BankIdeaUse.objects.filter(bank_idea=bank_idea, idea__round__municipality_id__in=visible)
        .select_related("idea__round")
        .order_by("-used_at")
    )
    used_rounds = {use.idea.round_id for use in uses}
    shared_from = None
    if bank_idea.shared_from_id is not None:
        shared_from = Idea.objects.filter(
            pk=bank_idea.shared_from_id, round__municipality_id__in=visible
        ).first()
    open_rounds = [r for r in rounds if r.pk not in used_rounds]
    return render(
        request,
        "ideabank/bank_idea_detail.html",
        {
            "bank_idea": bank_idea,
            "may_manage": bank_access.may_manage(user, bank_idea),
            "may_use": may_use,
            "use_form": use_form or UseForm(rounds=open_rounds),
            "open_rounds": open_rounds,
            "uses": uses,
            "shared_from": shared_from,
        },
        status=status,
    )


@login_required
@require_GET
def bank_idea_detail(request: AuthenticatedHttpRequest, idea_id: str) -> HttpResponse:
    return _render_detail(request, bank_access.get_bank_idea(request.user, idea_id))


@login_required
@require_http_methods(["GET", "POST"])
def bank_idea_use(request: AuthenticatedHttpRequest, idea_id: str) -> HttpResponse:
    """Bring the entry into one of the user's rounds as an idea of origin "idea bank"."""
    rounds = bank_access.require_user(request.user)
    bank_idea = bank_access.get_bank_idea(request.user, idea_id)
    used = set(
        BankIdeaUse.objects.filter(bank_idea=bank_idea, idea__round__in=rounds).values_list(
            "idea__round_id", flat=True
        )
    )
    open_rounds = [r for r in rounds if r.pk not in used]
    form = UseForm(request.POST or None, rounds=open_rounds)
    if request.method == "POST":
        if form.is_valid():
            budget_round = form.cleaned_data["round"]
            idea = do_use_bank_idea(bank_idea, budget_round, user=request.user)
            messages.success(
                request,
                _("The idea was added to the ideas of %(round)s. It is screened like the others.")
                % {"round": budget_round.name},
            )
            return redirect("idea_detail", idea_id=idea.public_id)
        return _render_detail(request, bank_idea, use_form=form, rounds=rounds, status=422)
    return render(
        request,
        "ideabank/use.html",
        {"bank_idea": bank_idea, "form": form, "open_rounds": open_rounds, "used": bool(used)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def bank_idea_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    municipalities = bank_access.require_manager(request.user)
    form = BankIdeaForm(
        request.POST or None,
        municipalities=municipalities,
        initial={
            "source_name": municipalities[0].name,
            "source_code": municipalities[0].code,
        },
    )
    if request.method == "POST" and form.is_valid():
        bank_idea = do_save_bank_idea(
            form.cleaned_data["municipality"], form.model_fields(), user=request.user
        )
        messages.success(request, _("The idea was added to the idea bank."))
        return redirect("bank_idea_detail", idea_id=bank_idea.public_id)
    return render(
        request, "ideabank/bank_idea_form.html", {"form": form, "bank_idea": None, "idea": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def bank_idea_edit(request: AuthenticatedHttpRequest, idea_id: str) -> HttpResponse:
    bank_idea = bank_access.get_bank_idea(request.user, idea_id, manage=True)
    form = BankIdeaForm(
        request.POST or None, instance=bank_idea, municipalities=[bank_idea.municipality]
    )
    if request.method == "POST" and form.is_valid():
        do_save_bank_idea(
            bank_idea.municipality, form.model_fields(), user=request.user, bank_idea=bank_idea
        )
        messages.success(request, _("The idea was saved."))
        return redirect("bank_idea_detail", idea_id=bank_idea.public_id)
    return render(
        request,
        "ideabank/bank_idea_form.html",
        {"form": form, "bank_idea": bank_idea, "idea": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def bank_idea_delete(request: AuthenticatedHttpRequest, idea_id: str) -> HttpResponse:
    bank_idea = bank_access.get_bank_idea(request.user, idea_id, manage=True)
    if request.method == "POST":
        do_delete_bank_idea(bank_idea)
        messages.success(
            request,
            _("“%(title)s” was deleted from the idea bank.") % {"title": bank_idea.title},
        )
        return redirect("ideabank")
    return render(
        request,
        "ideabank/bank_idea_delete.html",
        {"bank_idea": bank_idea, "uses": bank_idea.uses.count()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def bank_idea_share(request: AuthenticatedHttpRequest, idea_id: str) -> HttpResponse:
    """Share an idea of the own round in the bank, written up for other municipalities."""
    idea = get_idea(request.user, idea_id, Action.MANAGE_IDEA_BANK)
    municipality = idea.round.municipality
    shared = BankIdea.objects.filter(shared_from=idea).first()
    if shared is not None:
        if request.method == "POST":
            return render(
                request,
                "ideabank/bank_idea_form.html",
                {"form": None, "bank_idea": None, "idea": idea, "shared": shared},
                status=409,
            )
        return render(
            request,
            "ideabank/bank_idea_form.html",
            {"form": None, "bank_idea": None, "idea": idea, "shared": shared},
        )
    initial: dict[str, Any] = {
        "title": idea.title,
        "description": idea.description,
        "service_area": idea.committee.name if idea.committee else "",
        "source_name": municipality.name,
        "source_code": municipality.code,
        "effect_min": idea.estimated_amount,
        "effect_max": idea.estimated_amount,
    }
    if idea.proposal is not None:
        initial["type"] = idea.proposal.type
    form = BankIdeaForm(request.POST or None, municipalities=[municipality], initial=initial)
    if request.method == "POST" and form.is_valid():
        bank_idea = do_save_bank_idea(
            municipality, form.model_fields(), user=request.user, shared_from=idea
        )
        messages.success(request, _("The idea was shared in the idea bank."))
        return redirect("bank_idea_detail", idea_id=bank_idea.public_id)
    return render(
        request,
        "ideabank/bank_idea_form.html",
        {"form": form, "bank_idea": None, "idea": idea, "municipality": municipality},
    )


@login_required
@require_http_methods(["GET", "POST"])
def ideabank_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A file in the open format, all or nothing: every bad entry and field is listed."""
    municipalities = bank_access.require_manager(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, municipalities=municipalities)
    errors: list[exchange.EntryError] = []
    if request.method == "POST" and form.is_valid():
        municipality = form.cleaned_data["municipality"]
        # Every problem at once: the file's own and the ids other municipalities have.
        errors = [*form.entry_errors, *check_entries(municipality, form.entries)]
        if not errors:
            try:
                added, updated = do_import_bank_ideas(municipality, form.entries, user=request.user)
            except ImportRefused as refused:
                errors = refused.errors
            else:
                messages.success(request, _imported_message(added, updated))
                return redirect("ideabank")
    errors.sort(key=lambda error: error.number)
    return render(
        request,
        "ideabank/import.html",
        {
            "form": form,
            "entry_errors": errors,
            "max_entries": exchange.MAX_ENTRIES,
        },
        status=422 if request.method == "POST" else 200,
    )


def _imported_message(added: int, updated: int) -> str:
    added_text = ngettext("%(count)s idea was added", "%(count)s ideas were added", added) % {
        "count": added
    }
    updated_text = ngettext(
        "%(count)s idea was updated", "%(count)s ideas were updated", updated
    ) % {"count": updated}
    return _("%(added)s and %(updated)s.") % {"added": added_text, "updated": updated_text}
