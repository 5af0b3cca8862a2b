"""What the proposal and round pages include from this app, without extra view context.

{% include "communication/_comments.html" %}    (needs `proposal`; loads `comment_thread`)
{% load communication %}{% recent_activity round %}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.urls import reverse

from raaderum import access
from raaderum.access import Action
from raaderum.communication.forms import CommentForm
from raaderum.communication.models import Comment, Event
from raaderum.proposals.models import Proposal
from raaderum.rounds.models import BudgetRound

register = template.Library()

RECENT_EVENTS = 5


@dataclass
class CommentThread:
    comments: list[Comment]
    form: CommentForm | None  # None: the user may read the thread but not write in it
    post_url: str


@register.simple_tag(takes_context=True)
def comment_thread(context: template.Context, proposal: Proposal) -> CommentThread:
    """The proposal's comments, oldest first, and the form for those who may comment.

    A view that re-renders the thread after a refused post puts its bound form in the context as
    `comment_form`, so the error stands next to the field and the text is kept.
    """
    role = access.role_in(context["user"], proposal.round.municipality_id)
    form = None
    if access.role_may(role, Action.COMMENT):
        form = context.get("comment_form") or CommentForm()
    return CommentThread(
        comments=list(Comment.objects.filter(proposal=proposal).select_related("author")),
        form=form,
        post_url=reverse("proposal_comments", args=[proposal.public_id]),
    )


@register.inclusion_tag("communication/_recent_activity.html", takes_context=True)
def recent_activity(context: template.Context, budget_round: BudgetRound) -> dict[str, Any]:
    """The round's latest events and a link to the whole feed, for those who may see it."""
    role = access.role_in(context["user"], budget_round.municipality_id)
    may_view = access.role_may(role, Action.VIEW_ACTIVITY)
    events: list[Event] = []
    if may_view:
        events = list(
            Event.objects.filter(round=budget_round).select_related("actor", "proposal__committee")[
                :RECENT_EVENTS
            ]
        )
    return {"round": budget_round, "events": events, "may_view": may_view}
