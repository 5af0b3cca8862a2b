from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from raaderum import access
from raaderum.access import Action
from raaderum.communication.actions import do_add_comment
from raaderum.communication.forms import CommentForm, NotificationSettingForm
from raaderum.communication.models import Event, NotificationSetting
from raaderum.lib.http import AuthenticatedHttpRequest

EVENTS_PER_PAGE = 50


@login_required
@require_http_methods(["GET", "POST"])
def proposal_comments(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    """The thread on a page of its own; posting adds a comment and goes back to the proposal.

    Without JavaScript a refused comment is shown here with its error; with htmx only the
    thread is swapped and a status message is announced.
    """
    proposal = access.get_proposal(request.user, proposal_id)
    form = CommentForm(request.POST if request.method == "POST" else None)
    status = 200
    announcement = ""
    if request.method == "POST":
        access.require(request.user, proposal.round.municipality_id, Action.COMMENT)
        if form.is_valid():
            do_add_comment(proposal, author=request.user, text=form.cleaned_data["text"])
            if not request.htmx:
                return redirect(reverse("proposal_detail", args=[proposal.public_id]) + "#comments")
            form = CommentForm()
            announcement = _("Your comment was added.")
        else:
            # htmx swaps only 2xx answers; without it, 422 tells the browser nothing was saved.
            status = 200 if request.htmx else 422
            if request.htmx:
                # htmx focuses an [autofocus] element it swaps in: the field with the error.
                form.fields["text"].widget.attrs["autofocus"] = True
            announcement = _("The comment was not added. See the message at the field.")
    context = {
        "proposal": proposal,
        "round": proposal.round,
        "municipality": proposal.round.municipality,
        "comment_form": form,
        "comment_announcement": announcement,
    }
    template = "communication/comments.html"
    if request.htmx and request.method == "POST":
        template = "communication/_comments.html#comment-response"
    return render(request, template, context, status=status)


@login_required
@require_GET
def round_activity(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """What happened in the round, newest first; optionally for one proposal."""
    budget_round = access.get_round(request.user, round_id, Action.VIEW_ACTIVITY)
    proposals = list(budget_round.proposals.select_related("committee"))
    by_code = {proposal.code: proposal for proposal in proposals}
    chosen = request.GET.get("proposal", "")
    # An unknown code is ignored rather than failing: the URL may be hand-edited.
    if chosen not in by_code:
        chosen = ""
    events = Event.objects.filter(round=budget_round).select_related("actor", "proposal__committee")
    if chosen:
        events = events.filter(proposal=by_code[chosen])
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "round": budget_round,
        "municipality": budget_round.municipality,
        "page": page,
        # None stands for the gap ("…") between page numbers.
        "page_numbers": [
            number if isinstance(number, int) else None
            for number in page.paginator.get_elided_page_range(page.number, on_each_side=2)
        ],
        "proposals": proposals,
        "chosen": chosen,
    }
    template = "communication/activity.html"
    if request.htmx and request.htmx.target == "activity-result":
        template += "#activity-result"
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Any logged-in user chooses e-mails at once or a daily digest; nothing tenant-specific."""
    setting = NotificationSetting.objects.filter(user=request.user).first()
    if setting is None:
        setting = NotificationSetting(user=request.user)
    form = NotificationSettingForm(
        request.POST if request.method == "POST" else None, instance=setting
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your choice was saved."))
        return redirect("notification_settings")
    return render(
        request,
        "communication/notification_settings.html",
        {"form": form},
        status=422 if form.errors else 200,
    )
