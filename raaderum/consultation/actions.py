"""State changes of consultations and their answers. Views and the demo call these."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from raaderum import access
from raaderum.access import Action
from raaderum.communication.actions import EMAIL_LANGUAGE, do_record_event
from raaderum.confidentiality import visibility
from raaderum.consultation.access import consultation_proposals, openable_proposals
from raaderum.consultation.models import (
    DEFAULT_ANSWERS_PER_ADDRESS,
    Answer,
    AnswerChoice,
    Consultation,
)
from raaderum.organisation.models import User
from raaderum.prioritisation.simulation import Selection, chosen_rows, evaluate, relations_for
from raaderum.publication.models import CatalogVersion, PublishedProposal


class ConsultationRefused(Exception):
    """Nothing was stored; the message is for the person, in the active language."""


class AnswerRefused(ConsultationRefused):
    pass


class DuplicateAnswer(AnswerRefused):
    pass


@dataclass(frozen=True)
class Settings:
    title: str
    intro: str
    opens_on: date
    closes_on: date
    target: dict[int, int]
    answers_per_address: int = DEFAULT_ANSWERS_PER_ADDRESS


def _url(consultation: Consultation) -> str:
    return reverse("consultation_detail", args=[consultation.public_id])


def _period(consultation: Consultation) -> str:
    return "%s – %s" % (  # noqa: UP031
        formats.date_format(consultation.opens_on, "j. F Y"),
        formats.date_format(consultation.closes_on, "j. F Y"),
    )


def _refuse_hidden(proposals: Sequence[PublishedProposal]) -> None:
    """Citizens never see a proposal held back by its own level (internal or confidential)."""
    if not proposals:
        return
    shown = set(
        openable_proposals(proposals[0].version)
        .filter(pk__in=[p.pk for p in proposals])
        .values_list("pk", flat=True)
    )
    hidden = [p.code for p in proposals if p.pk not in shown]
    if hidden:
        raise ConsultationRefused(
            _("Not public, so not for the citizens: %(codes)s.") % {"codes": ", ".join(hidden)}
        )


def _target_json(target: dict[int, int]) -> dict[str, int]:
    return {str(year): int(amount) for year, amount in sorted(target.items())}


@transaction.atomic
def do_open_consultation(
    version: CatalogVersion,
    settings: Settings,
    proposals: Sequence[PublishedProposal],
    *,
    user: User,
) -> Consultation:
    access.require(user, version.round.municipality_id, Action.MANAGE_CONSULTATION)
    if not visibility.may_see_version(None, version):
        raise ConsultationRefused(
            _(
                "A consultation can only be opened on a public catalog version. Make the "
                "version public first (»Visibility« on the version's page)."
            )
        )
    _refuse_hidden(proposals)
    if not proposals:
        raise ConsultationRefused(_("Choose at least one proposal for the citizens."))
    if any(p.version_id != version.pk for p in proposals):
        raise ConsultationRefused(_("The proposals must be of the chosen catalog version."))
    consultation = Consultation.objects.create(
        version=version,
        title=settings.title,
        intro=settings.intro,
        opens_on=settings.opens_on,
        closes_on=settings.closes_on,
        target=_target_json(settings.target),
        answers_per_address=settings.answers_per_address,
        created_by=user,
    )
    consultation.proposals.set(proposals)
    with translation.override(EMAIL_LANGUAGE):
        feed = _(
            "%(user)s opened the citizen consultation “%(title)s” on version %(number)s of "
            "the catalog, %(period)s."
        ) % {
            "user": user,
            "title": consultation.title,
            "number": version.number,
            "period": _period(consultation),
        }
    do_record_event(
        version.round, actor=user, verb="consultation_opened", text=feed, url=_url(consultation)
    )
    return consultation


@transaction.atomic
def do_update_consultation(
    consultation: Consultation,
    settings: Settings,
    proposals: Sequence[PublishedProposal],
    *,
    user: User,
) -> Consultation:
    """Texts and dates can change at any time; proposals and target only before any answer."""
    access.require(user, consultation.version.round.municipality_id, Action.MANAGE_CONSULTATION)
    current = Consultation.objects.select_for_update().get(pk=consultation.pk)
    current.version = consultation.version
    before = {p.pk for p in current.proposals.all()}
    changes_choice = before != {p.pk for p in proposals} or current.target_by_year() != {
        int(y): int(a) for y, a in settings.target.items()
    }
    if changes_choice and current.answers.exists():
        raise ConsultationRefused(
            _(
                "Citizens have answered already: the proposals and the target can no longer "
                "change. Open a new consultation instead."
            )
        )
    _refuse_hidden(proposals)
    if not proposals:
        raise ConsultationRefused(_("Choose at least one proposal for the citizens."))
    current.title = settings.title
    current.intro = settings.intro
    current.opens_on = settings.opens_on
    current.closes_on = settings.closes_on
    current.target = _target_json(settings.target)
    current.answers_per_address = settings.answers_per_address
    current.save(
        update_fields=["title", "intro", "opens_on", "closes_on", "target", "answers_per_address"]
    )
    current.proposals.set(proposals)
    with translation.override(EMAIL_LANGUAGE):
        feed = _("%(user)s changed the citizen consultation “%(title)s”, %(period)s.") % {
            "user": user,
            "title": current.title,
            "period": _period(current),
        }
    do_record_event(
        current.version.round,
        actor=user,
        verb="consultation_changed",
        text=feed,
        url=_url(current),
    )
    return current


def evaluate_choice(consultation: Consultation, codes: Iterable[str]) -> Selection:
    """The chosen proposals' råderum per year against the consultation's target.

    The simulator's logic; codes outside the consultation are left out (the caller refuses
    them where it matters: an answer).
    """
    allowed = set(consultation_proposals(consultation).values_list("code", flat=True))
    wanted = [code for code in codes if code in allowed]
    version = consultation.version
    rows = chosen_rows(version, wanted)
    return evaluate(
        version, rows, relations_for(version, rows), target=consultation.target_by_year()
    )


def do_submit_answer(
    consultation: Consultation, *, codes: Sequence[str], comment: str, token: str, today: date
) -> Answer:
    """Store a citizen's answer; refuses a closed consultation, foreign codes and a used form."""
    if not consultation.is_open(today):
        raise AnswerRefused(_("The consultation is closed. Your answer was not saved."))
    proposals = list(consultation_proposals(consultation).filter(code__in=list(codes)))
    if len(proposals) != len(set(codes)):
        raise AnswerRefused(
            _(
                "One or more of the chosen proposals are not part of the consultation. Your "
                "answer was not saved."
            )
        )
    selection = evaluate_choice(consultation, codes)
    try:
        with transaction.atomic():
            answer = Answer.objects.create(
                consultation=consultation,
                token=token,
                submitted_on=today,
                reached_target=selection.met,
                comment=comment.strip(),
            )
            AnswerChoice.objects.bulk_create(
                AnswerChoice(answer=answer, proposal=proposal) for proposal in proposals
            )
    except IntegrityError as error:
        raise DuplicateAnswer(_("We have already received this answer. Thank you.")) from error
    return answer


@transaction.atomic
def do_hide_comment(answer: Answer, *, user: User, reason: str) -> Answer:
    """Keep an abusive comment out of the summary and its exports; the answer still counts."""
    consultation = answer.consultation
    access.require(user, consultation.version.round.municipality_id, Action.MANAGE_CONSULTATION)
    current = Answer.objects.select_for_update().get(pk=answer.pk)
    reason = reason.strip()
    if not reason:
        raise ConsultationRefused(_("Write why the comment is hidden."))
    current.comment_hidden = True
    current.hidden_by = user
    current.hidden_at = timezone.now()
    current.hidden_reason = reason
    current.save(update_fields=["comment_hidden", "hidden_by", "hidden_at", "hidden_reason"])
    with translation.override(EMAIL_LANGUAGE):
        feed = _("%(user)s hid a comment in the citizen consultation “%(title)s”: %(reason)s") % {
            "user": user,
            "title": consultation.title,
            "reason": reason,
        }
    do_record_event(
        consultation.version.round,
        actor=user,
        verb="consultation_comment_hidden",
        text=feed,
        url=_url(consultation),
    )
    return current


@transaction.atomic
def do_show_comment(answer: Answer, *, user: User) -> Answer:
    consultation = answer.consultation
    access.require(user, consultation.version.round.municipality_id, Action.MANAGE_CONSULTATION)
    current = Answer.objects.select_for_update().get(pk=answer.pk)
    current.comment_hidden = False
    current.hidden_by = None
    current.hidden_at = None
    current.hidden_reason = ""
    current.save(update_fields=["comment_hidden", "hidden_by", "hidden_at", "hidden_reason"])
    with translation.override(EMAIL_LANGUAGE):
        feed = _(
            "%(user)s showed a hidden comment in the citizen consultation “%(title)s” again."
        ) % {
            "user": user,
            "title": consultation.title,
        }
    do_record_event(
        consultation.version.round,
        actor=user,
        verb="consultation_comment_shown",
        text=feed,
        url=_url(consultation),
    )
    return current
