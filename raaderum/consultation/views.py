"""Citizen consultation: the budget office opens and follows it, citizens answer without login,
the politicians read the summary and export it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality.models import AccessKind, Visibility
from raaderum.confidentiality.visibility import record_access
from raaderum.consultation import exports, tokens
from raaderum.consultation.access import (
    consultation_proposals,
    get_consultation,
    openable_proposals,
    openable_versions,
    public_consultations,
    round_consultations,
    summary_answers,
)
from raaderum.consultation.access import (
    public_consultation as load_public_consultation,
)
from raaderum.consultation.actions import (
    AnswerRefused,
    ConsultationRefused,
    DuplicateAnswer,
    do_hide_comment,
    do_open_consultation,
    do_show_comment,
    do_submit_answer,
    do_update_consultation,
    evaluate_choice,
)
from raaderum.consultation.forms import AnswerForm, ConsultationForm, HideForm
from raaderum.consultation.models import (
    DEFAULT_ANSWERS_PER_ADDRESS,
    Answer,
    Consultation,
    ConsultationState,
)
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.lib.money import format_tkr
from raaderum.organisation.models import Municipality
from raaderum.prioritisation.simulation import clean_codes
from raaderum.publication.models import CatalogVersion, PublishedProposal

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def consultation_list(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.VIEW_CONSULTATION_SUMMARY)
    today = timezone.localdate()
    consultations = list(round_consultations(budget_round).annotate(answer_count=Count("answers")))
    for consultation in consultations:
        consultation.current_state = consultation.state(today)  # type: ignore[attr-defined]
    role = access.role_in(request.user, budget_round.municipality_id)
    return render(
        request,
        "consultation/consultation_list.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "consultations": consultations,
            "may_manage": access.role_may(role, Action.MANAGE_CONSULTATION),
            "has_versions": budget_round.catalog_versions.exists(),
        },
    )


def _form_context(
    form: ConsultationForm, proposals: list[PublishedProposal]
) -> list[dict[str, Any]]:
    """The proposals' checkboxes grouped by committee, with their råderum per year."""
    chosen = set(form["proposals"].value() or [])
    return _groups(proposals, form.years, lambda proposal: str(proposal.pk) in chosen)


def _render_form(
    request: AuthenticatedHttpRequest,
    version: CatalogVersion,
    form: ConsultationForm,
    proposals: list[PublishedProposal],
    *,
    consultation: Consultation | None = None,
    status: int = 200,
) -> HttpResponse:
    budget_round = version.round
    return render(
        request,
        "consultation/consultation_form.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "version": version,
            "versions": list(openable_versions(budget_round).order_by("-number")),
            "consultation": consultation,
            "form": form,
            "groups": _form_context(form, proposals),
            "years": budget_round.years,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_create(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """Open a consultation on a published version: all its proposals and its target by default."""
    budget_round = access.get_round(request.user, round_id, Action.MANAGE_CONSULTATION)
    # Only a public version, and its public proposals, can be put before the citizens.
    versions = openable_versions(budget_round).select_related("round__municipality")
    number = (request.POST or request.GET).get("version", "")
    if number:
        valid = number.isdigit() and len(number) < 6
        version = versions.filter(number=int(number)).first() if valid else None
        if version is None:
            raise Http404(_("Not found"))
    else:
        version = versions.order_by("-number").first()
    if version is None:
        messages.error(
            request,
            _(
                "Publish the catalog and make a version public before you open a citizen "
                "consultation."
            ),
        )
        return redirect("consultation_list", round_id=budget_round.public_id)
    version.round = budget_round
    proposals = list(openable_proposals(version).select_related("committee").order_by("position"))
    today = timezone.localdate()
    initial: dict[str, Any] = {
        "title": _("Help us prioritise the budget %(period)s")
        % {"period": budget_round.period_label},
        "opens_on": today,
        "closes_on": today + timedelta(days=28),
        "answers_per_address": DEFAULT_ANSWERS_PER_ADDRESS,
        "proposals": [str(p.pk) for p in proposals],
        **{f"target_{year}": amount for year, amount in version.target_by_year().items()},
    }
    form = ConsultationForm(
        request.POST or None, initial=initial, proposals=proposals, years=budget_round.years
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                consultation = do_open_consultation(
                    version, form.settings(), form.chosen_proposals(), user=request.user
                )
            except ConsultationRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(
                    request,
                    _("The consultation is created. Citizens can answer from %(date)s.")
                    % {"date": formats.date_format(consultation.opens_on, "j. F Y")},
                )
                return redirect("consultation_detail", consultation_id=consultation.public_id)
        return _render_form(request, version, form, proposals, status=422)
    return _render_form(request, version, form, proposals)


@login_required
@require_http_methods(["GET", "POST"])
def consultation_edit(request: AuthenticatedHttpRequest, consultation_id: str) -> HttpResponse:
    consultation = get_consultation(request.user, consultation_id, Action.MANAGE_CONSULTATION)
    version = consultation.version
    proposals = list(openable_proposals(version).select_related("committee").order_by("position"))
    locked = summary_answers(consultation).exists()
    initial: dict[str, Any] = {
        "title": consultation.title,
        "intro": consultation.intro,
        "opens_on": consultation.opens_on,
        "closes_on": consultation.closes_on,
        "answers_per_address": consultation.answers_per_address,
        "proposals": [str(pk) for pk in consultation.proposals.values_list("pk", flat=True)],
        **{f"target_{year}": amount for year, amount in consultation.target_by_year().items()},
    }
    form = ConsultationForm(
        request.POST or None,
        initial=initial,
        proposals=proposals,
        years=version.round.years,
        locked=locked,
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                do_update_consultation(
                    consultation, form.settings(), form.chosen_proposals(), user=request.user
                )
            except ConsultationRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("The consultation is saved."))
                return redirect("consultation_detail", consultation_id=consultation.public_id)
        return _render_form(
            request, version, form, proposals, consultation=consultation, status=422
        )
    return _render_form(request, version, form, proposals, consultation=consultation)


def _public_url(request: HttpRequest, consultation: Consultation) -> str:
    return request.build_absolute_uri(
        reverse(
            "public_consultation",
            args=[consultation.version.round.municipality.slug, consultation.public_id],
        )
    )


@login_required
@require_GET
def consultation_detail(request: AuthenticatedHttpRequest, consultation_id: str) -> HttpResponse:
    """The summary: how often each proposal was chosen, how many reached the target, comments."""
    consultation = get_consultation(request.user, consultation_id)
    role = access.role_in(request.user, consultation.version.round.municipality_id)
    may_manage = access.role_may(role, Action.MANAGE_CONSULTATION)
    summary = exports.build_summary(consultation, with_hidden=may_manage)
    # The citizens' answers and comments are for the politicians and the administration only.
    record_access(
        request,
        consultation.version.round.municipality_id,
        kind=AccessKind.CONSULTATION_SUMMARY,
        object_id=consultation.public_id,
        label=consultation.title,
        level=Visibility.CONFIDENTIAL,
    )
    return render(
        request,
        "consultation/consultation_detail.html",
        {
            "round": consultation.version.round,
            "price_level": consultation.version.price_level,
            "municipality": consultation.version.round.municipality,
            "consultation": consultation,
            "state": consultation.state(timezone.localdate()),
            "states": ConsultationState,
            "summary": summary,
            "may_manage": may_manage,
            "public_url": _public_url(request, consultation),
            "hide_form": HideForm(),
        },
    )


@login_required
@require_POST
def consultation_comment(
    request: AuthenticatedHttpRequest, consultation_id: str, answer_id: str
) -> HttpResponse:
    """The budget office hides an abusive comment from the summary (with a reason), or shows it."""
    consultation = get_consultation(request.user, consultation_id, Action.MANAGE_CONSULTATION)
    answer = Answer.objects.filter(consultation=consultation, public_id=answer_id).first()
    if answer is None:
        raise Http404(_("Not found"))
    answer.consultation = consultation
    url = reverse("consultation_detail", args=[consultation.public_id]) + "#comments"
    if request.POST.get("show") == "1":
        do_show_comment(answer, user=request.user)
        messages.success(request, _("The comment is shown in the summary again."))
        return redirect(url)
    form = HideForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.get("reason", [])))
        return redirect(url)
    try:
        do_hide_comment(answer, user=request.user, reason=form.cleaned_data["reason"])
    except ConsultationRefused as refused:
        messages.error(request, str(refused))
        return redirect(url)
    messages.success(request, _("The comment is hidden from the summary and its exports."))
    return redirect(url)


@login_required
@require_GET
def consultation_export_xlsx(
    request: AuthenticatedHttpRequest, consultation_id: str
) -> HttpResponse:
    consultation = get_consultation(request.user, consultation_id)
    summary = exports.build_summary(consultation, with_hidden=False)
    response = HttpResponse(exports.workbook(summary), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.filename(consultation, "xlsx")}"'
    )
    return response


@login_required
@require_GET
def consultation_export_csv(
    request: AuthenticatedHttpRequest, consultation_id: str
) -> HttpResponse:
    """How often each proposal was chosen: `;`-separated, UTF-8 with BOM, for Danish Excel."""
    consultation = get_consultation(request.user, consultation_id)
    summary = exports.build_summary(consultation, with_hidden=False)
    buffer = io.StringIO()
    exports.write_csv(summary, csv.writer(buffer, delimiter=";"))
    response = HttpResponse(
        buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.filename(consultation, "csv")}"'
    )
    return response


# Public: no login.


@require_GET
def public_consultation_list(request: HttpRequest, municipality_slug: str) -> HttpResponse:
    municipality = Municipality.objects.filter(slug=municipality_slug).first()
    if municipality is None:
        raise Http404(_("Not found"))
    return render(
        request,
        "consultation/public_list.html",
        {
            "municipality": municipality,
            "consultations": list(public_consultations(municipality, timezone.localdate())),
        },
    )


def _groups(
    proposals: list[PublishedProposal],
    years: list[int],
    checked: Callable[[PublishedProposal], bool],
) -> list[dict[str, Any]]:
    """Rows per committee (the frozen name), each with its råderum per year in 1.000 kr."""
    groups: dict[int, dict[str, Any]] = {}
    for proposal in proposals:
        group = groups.setdefault(
            proposal.committee_id, {"committee": {"name": proposal.committee_name}, "rows": []}
        )
        group["rows"].append(
            {
                "proposal": proposal,
                "checked": checked(proposal),
                "cells": [format_tkr(int(proposal.headroom.get(str(y), 0))) for y in years],
            }
        )
    return list(groups.values())


def _render_public(
    request: HttpRequest,
    consultation: Consultation,
    form: AnswerForm,
    codes: list[str],
    *,
    status: int = 200,
    refused: str = "",
    rate_limited: bool = False,
) -> HttpResponse:
    budget_round = consultation.version.round
    proposals = list(consultation_proposals(consultation))
    known = {p.code for p in proposals}
    chosen = [code for code in codes if code in known]
    wanted = set(chosen)
    return render(
        request,
        "consultation/public_consultation.html",
        {
            "consultation": consultation,
            "round": budget_round,
            "price_level": consultation.version.price_level,
            "municipality": budget_round.municipality,
            "form": form,
            "groups": _groups(proposals, budget_round.years, lambda p: p.code in wanted),
            "selection": evaluate_choice(consultation, chosen),
            "count": len(proposals),
            "refused": refused,
            "rate_limited": rate_limited,
        },
        status=status,
    )


def _closed(
    request: HttpRequest, consultation: Consultation, *, status: int = 200, **extra: Any
) -> HttpResponse:
    budget_round = consultation.version.round
    return render(
        request,
        "consultation/public_closed.html",
        {
            "consultation": consultation,
            "round": budget_round,
            "municipality": budget_round.municipality,
            "state": consultation.state(timezone.localdate()),
            "states": ConsultationState,
            **extra,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def public_consultation(
    request: HttpRequest, municipality_slug: str, consultation_id: str
) -> HttpResponse:
    """Citizens choose proposals to reach the target, see the effect per year, and comment.

    Works without JavaScript: "Calculate" posts the form and shows the totals, nothing stored.
    With htmx each tick posts the form and only the totals come back.
    """
    consultation = load_public_consultation(municipality_slug, consultation_id)
    today = timezone.localdate()
    answered = tokens.has_answered(request, consultation)
    if request.method == "GET":
        if not consultation.is_open(today):
            return _closed(request, consultation)
        if answered:
            return _closed(request, consultation, answered=True)
        form = AnswerForm(initial={"token": tokens.issue_token(consultation)}, codes=[])
        return _render_public(request, consultation, form, [])
    codes = clean_codes(request.POST.getlist("chosen"))
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request,
            "consultation/public_consultation.html#consultation-totals",
            {
                "consultation": consultation,
                "round": consultation.version.round,
                "selection": evaluate_choice(consultation, codes),
            },
        )
    proposal_codes = list(consultation_proposals(consultation).values_list("code", flat=True))
    form = AnswerForm(request.POST, codes=proposal_codes)
    if request.POST.get("action") != "submit":
        # Only calculating: nothing is checked or stored, what was typed is kept.
        return _render_public(
            request, consultation, _unbound_copy(request.POST, consultation), codes
        )
    if not consultation.is_open(today):
        return _closed(request, consultation, status=409, refused=True)
    if answered:
        return _closed(request, consultation, status=409, answered=True, refused=True)
    if not tokens.allow_answer(request, consultation):
        response = _render_public(
            request,
            consultation,
            _unbound_copy(request.POST, consultation),
            codes,
            status=429,
            rate_limited=True,
        )
        response["Retry-After"] = str(int(tokens.RETRY_AFTER.total_seconds()))
        return response
    thanks = redirect(
        "public_consultation_thanks",
        municipality_slug=municipality_slug,
        consultation_id=consultation.public_id,
    )
    if form.is_spam:
        return thanks  # the same answer as a real one: nothing tells the program it failed
    if not form.is_valid():
        return _render_public(request, consultation, form, codes, status=422)
    token = tokens.redeem_token(consultation, form.cleaned_data["token"])
    if token is None:
        form = _unbound_copy(request.POST, consultation)
        return _render_public(
            request,
            consultation,
            form,
            codes,
            status=422,
            refused=_(
                "The form was open for too long or was changed. Check your choices and send "
                "your answer again."
            ),
        )
    try:
        do_submit_answer(
            consultation,
            codes=form.cleaned_data["chosen"],
            comment=form.cleaned_data["comment"],
            token=token,
            today=today,
        )
    except DuplicateAnswer:
        return _closed(request, consultation, status=409, answered=True, refused=True)
    except AnswerRefused as refused:
        return _render_public(request, consultation, form, codes, status=422, refused=str(refused))
    tokens.mark_answered(thanks, consultation)
    return thanks


def _unbound_copy(data: Any, consultation: Consultation) -> AnswerForm:
    """A fresh form that keeps the comment typed, and the token unless it is spent or bad.

    The proposals' checkboxes are drawn from the choice itself, not from the form.
    """
    token = data.get("token", "")
    if tokens.redeem_token(consultation, token) is None:
        token = tokens.issue_token(consultation)
    return AnswerForm(initial={"comment": data.get("comment", ""), "token": token}, codes=[])


@require_GET
def public_consultation_thanks(
    request: HttpRequest, municipality_slug: str, consultation_id: str
) -> HttpResponse:
    consultation = load_public_consultation(municipality_slug, consultation_id)
    budget_round = consultation.version.round
    return render(
        request,
        "consultation/public_thanks.html",
        {
            "consultation": consultation,
            "round": budget_round,
            "municipality": budget_round.municipality,
        },
    )
