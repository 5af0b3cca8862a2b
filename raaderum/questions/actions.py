"""State changes of budget questions. Views, the demo and the reminder command call these.

Each checks the user's right itself (a view's check is not the only one) and refuses a step
that no longer fits the question's status with QuestionRefused, storing nothing. Each step is
recorded in the round's activity feed, in Danish, and told to the people who must act next.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raaderum import access
from raaderum.access import Action
from raaderum.communication.actions import (
    EMAIL_LANGUAGE,
    absolute_url,
    do_record_event,
    notify_users,
    recipients_in,
)
from raaderum.organisation.models import Role, User
from raaderum.publication.models import PublishedProposal
from raaderum.questions import deadlines
from raaderum.questions.access import may_draft
from raaderum.questions.models import (
    TEXT_MAX_LENGTH,
    Question,
    QuestionSettings,
    QuestionStatus,
    working_days_for,
)
from raaderum.rounds.models import BudgetRound

NUMBER_ATTEMPTS = 3


class QuestionRefused(Exception):
    """The step does not fit the question as it stands; nothing was stored. The message is
    for the user, in the active language."""


def _people(*users: User | None) -> list[User]:
    return [user for user in users if user is not None]


def _day(value: date) -> str:
    return formats.date_format(value, "j. F Y")


def _url(question: Question) -> str:
    return reverse("question_detail", args=[question.public_id])


def budget_office(budget_round: BudgetRound) -> list[User]:
    return list(
        User.objects.filter(
            memberships__municipality_id=budget_round.municipality_id,
            memberships__role=Role.BUDGET_OFFICE,
        ).order_by("pk")
    )


def answerers(budget_round: BudgetRound) -> list[User]:
    """The people a question can be routed to: members whose role lets them write answers."""
    roles = list(access.PERMISSIONS[Action.ANSWER_QUESTION])
    return list(
        User.objects.filter(
            memberships__municipality_id=budget_round.municipality_id,
            memberships__role__in=roles,
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def default_assignee(budget_round: BudgetRound, published: PublishedProposal | None) -> User | None:
    """The proposal's owner, if they can still answer; otherwise the budget office (None)."""
    if published is None:
        return None
    owner = published.proposal.owner
    role = access.role_in(owner, budget_round.municipality_id)
    if owner.is_active and access.role_may(role, Action.ANSWER_QUESTION):
        return owner
    return None


def next_question_number(budget_round: BudgetRound) -> int:
    """The next number of the round; call inside the transaction that stores the question.

    Locking the round's row makes two politicians asking at once wait for each other on
    PostgreSQL; SQLite's IMMEDIATE transactions do the same for the whole database. The unique
    (round, number) pair is the last guard: do_ask_question retries on it.
    """
    BudgetRound.objects.select_for_update().filter(pk=budget_round.pk).first()
    highest = Question.objects.filter(round=budget_round).aggregate(n=Max("number"))["n"]
    return (highest or 0) + 1


def do_ask_question(
    budget_round: BudgetRound,
    *,
    user: User,
    text: str,
    published: PublishedProposal | None = None,
    now: datetime | None = None,
) -> Question:
    """Number, route and store a politician's question; tell the one to answer it."""
    membership = access.require(user, budget_round.municipality_id, Action.ASK_QUESTION)
    text = text.strip()
    if not text:
        raise QuestionRefused(_("Write the question."))
    if len(text) > TEXT_MAX_LENGTH:
        raise QuestionRefused(_("Write the question in at most 5,000 characters."))
    if published is not None and published.version.round_id != budget_round.pk:
        raise QuestionRefused(_("The proposal is not in a published catalog of this round."))
    asked_at = now or timezone.now()
    for attempt in range(1, NUMBER_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                return _store_question(
                    budget_round, user, membership.party, text, published, asked_at
                )
        except IntegrityError:
            if attempt == NUMBER_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def _store_question(
    budget_round: BudgetRound,
    user: User,
    party: str,
    text: str,
    published: PublishedProposal | None,
    asked_at: datetime,
) -> Question:
    assignee = default_assignee(budget_round, published)
    question = Question.objects.create(
        round=budget_round,
        number=next_question_number(budget_round),
        asked_by=user,
        asker_party=party,
        published_proposal=published,
        proposal=published.proposal if published is not None else None,
        text=text,
        asked_at=asked_at,
        assignee=assignee,
        deadline=deadlines.add_working_days(
            timezone.localtime(asked_at).date(), working_days_for(budget_round)
        ),
    )
    with translation.override(EMAIL_LANGUAGE):
        values = {
            "user": user,
            "number": question.number,
            "subject": question.subject_label,
            "who": assignee or _("the budget office"),
            "date": _day(question.deadline),
        }
        if published is None:
            feed = _(
                "%(user)s asked budget question no. %(number)s about the round. "
                "%(who)s answers by %(date)s."
            )
        else:
            feed = _(
                "%(user)s asked budget question no. %(number)s about %(subject)s. "
                "%(who)s answers by %(date)s."
            )
        feed %= values
    do_record_event(
        budget_round,
        actor=user,
        verb="question_asked",
        text=feed,
        notify=[*_people(assignee), *budget_office(budget_round)],
        url=_url(question),
    )
    return question


def _lock(question: Question) -> Question:
    """The question as stored now, locked, with what the pages show of it."""
    current = Question.objects.for_list().select_for_update(of=("self",)).get(pk=question.pk)
    return current


@transaction.atomic
def do_route_question(
    question: Question, *, user: User, assignee: User | None, deadline: date
) -> Question:
    """The budget office gives the question to someone else, or changes its deadline."""
    access.require(user, question.round.municipality_id, Action.MANAGE_QUESTIONS)
    current = _lock(question)
    if current.is_answered:
        raise QuestionRefused(_("The answer is approved: the question cannot be routed again."))
    if assignee is not None and assignee.pk not in {a.pk for a in answerers(current.round)}:
        raise QuestionRefused(_("Choose someone in the administration who can write answers."))
    moved = assignee != current.assignee
    current.assignee = assignee
    current.deadline = deadline
    current.save(update_fields=["assignee", "deadline"])
    with translation.override(EMAIL_LANGUAGE):
        feed = _(
            "%(user)s routed budget question no. %(number)s to %(who)s with the deadline %(date)s."
        ) % {
            "user": user,
            "number": current.number,
            "who": assignee or _("the budget office"),
            "date": _day(deadline),
        }
    do_record_event(
        current.round,
        actor=user,
        verb="question_routed",
        text=feed,
        notify=_people(assignee) if moved else [],
        url=_url(current),
    )
    return current


def require_may_draft(user: User, question: Question) -> None:
    """Refuse (QuestionRefused) a step that no longer fits, or a person who may not answer
    (PermissionDenied)."""
    if question.is_answered:
        raise QuestionRefused(_("The answer is approved and can no longer be changed."))
    if not may_draft(user, question):
        if question.status == QuestionStatus.SUBMITTED and question.assignee_id == user.pk:
            raise QuestionRefused(
                _("The answer is waiting for the budget office's approval and cannot be changed.")
            )
        raise PermissionDenied(
            _("Only the person the question is assigned to and the budget office may answer it.")
        )


@transaction.atomic
def do_save_answer(question: Question, *, user: User, text: str, submit: bool) -> Question:
    """Save the draft answer; with `submit`, send it to the budget office for approval."""
    current = _lock(question)
    require_may_draft(user, current)
    text = text.strip()
    if not text:
        raise QuestionRefused(_("Write the answer."))
    if len(text) > TEXT_MAX_LENGTH:
        raise QuestionRefused(_("Write the answer in at most 5,000 characters."))
    current.answer = text
    current.answer_by = user
    current.answer_updated_at = timezone.now()
    fields = ["answer", "answer_by", "answer_updated_at"]
    if submit and current.status == QuestionStatus.ASKED:
        current.status = QuestionStatus.SUBMITTED
        fields.append("status")
    current.save(update_fields=fields)
    if "status" in fields:
        with translation.override(EMAIL_LANGUAGE):
            feed = _("%(user)s sent the answer to budget question no. %(number)s for approval.") % {
                "user": user,
                "number": current.number,
            }
        do_record_event(
            current.round,
            actor=user,
            verb="question_submitted",
            text=feed,
            notify=budget_office(current.round),
            url=_url(current),
        )
    return current


def _require_submitted(question: Question) -> None:
    if question.is_answered:
        raise QuestionRefused(_("The answer is already approved."))
    if question.status != QuestionStatus.SUBMITTED:
        raise QuestionRefused(_("The answer has not been sent for approval."))


@transaction.atomic
def do_approve_answer(question: Question, *, user: User, public: bool) -> Question:
    """The budget office approves: every politician of the municipality can now read it."""
    access.require(user, question.round.municipality_id, Action.APPROVE_ANSWER)
    current = _lock(question)
    _require_submitted(current)
    current.status = QuestionStatus.APPROVED
    current.approved_by = user
    current.approved_at = timezone.now()
    current.public = public
    current.returned_note = ""
    current.save(update_fields=["status", "approved_by", "approved_at", "public", "returned_note"])
    with translation.override(EMAIL_LANGUAGE):
        values = {"user": user, "number": current.number}
        if public:
            feed = _(
                "%(user)s approved the answer to budget question no. %(number)s. The "
                "politicians can read it, and it is published on the public pages."
            )
        else:
            feed = _(
                "%(user)s approved the answer to budget question no. %(number)s. The "
                "politicians can read it."
            )
        feed %= values
    do_record_event(
        current.round,
        actor=user,
        verb="question_answered",
        text=feed,
        notify=_people(current.asked_by, current.assignee, current.answer_by),
        url=_url(current),
    )
    return current


@transaction.atomic
def do_return_answer(question: Question, *, user: User, note: str) -> Question:
    """The budget office sends the answer back to be changed, saying what to change."""
    access.require(user, question.round.municipality_id, Action.APPROVE_ANSWER)
    current = _lock(question)
    _require_submitted(current)
    note = note.strip()
    if not note:
        raise QuestionRefused(_("Write what must be changed before the answer can be approved."))
    current.status = QuestionStatus.ASKED
    current.returned_note = note
    current.save(update_fields=["status", "returned_note"])
    with translation.override(EMAIL_LANGUAGE):
        feed = _("%(user)s sent the answer to budget question no. %(number)s back: “%(note)s”") % {
            "user": user,
            "number": current.number,
            "note": note,
        }
    do_record_event(
        current.round,
        actor=user,
        verb="question_returned",
        text=feed,
        notify=_people(current.assignee, current.answer_by),
        url=_url(current),
    )
    return current


@transaction.atomic
def do_set_public(question: Question, *, user: User, public: bool) -> Question:
    """Show an approved answer on the public pages, or take it off them."""
    access.require(user, question.round.municipality_id, Action.MANAGE_QUESTIONS)
    current = _lock(question)
    if current.public == public:
        return current
    current.public = public
    current.save(update_fields=["public"])
    with translation.override(EMAIL_LANGUAGE):
        values = {"user": user, "number": current.number}
        if public:
            feed = _("%(user)s made the answer to budget question no. %(number)s public.")
        else:
            feed = _(
                "%(user)s took the answer to budget question no. %(number)s off the public pages."
            )
        feed %= values
    do_record_event(current.round, actor=user, verb="question_public", text=feed, url=_url(current))
    return current


@transaction.atomic
def do_save_question_settings(
    budget_round: BudgetRound, *, user: User, working_days: int
) -> QuestionSettings:
    """Applies to questions asked from now on; deadlines already set stay."""
    access.require(user, budget_round.municipality_id, Action.MANAGE_QUESTIONS)
    found, _created = QuestionSettings.objects.update_or_create(
        round=budget_round, defaults={"working_days": working_days}
    )
    return found


# Reminders: part of `manage.py send_reminders` (raaderum.communication.actions).


def _who_must_act(question: Question, office: Sequence[User]) -> list[User]:
    if question.status == QuestionStatus.SUBMITTED:
        return list(office)
    return [question.assignee] if question.assignee is not None else list(office)


def do_send_question_reminders(today: date, *, days: int = 3) -> int:
    """Remind whoever must act on a question whose deadline is `days` away or passed.

    The assignee is reminded to answer (the budget office when nobody is assigned), the budget
    office to approve a submitted answer. Once a day per question, however often it runs.
    Returns the number of reminders (notifications) made.
    """
    horizon = today + timedelta(days=days)
    due = (
        Question.objects.unanswered()
        .filter(deadline__lte=horizon)
        .exclude(reminded_on=today)
        .select_related("round__municipality", "assignee", "published_proposal")
        .order_by("round_id", "number")
    )
    by_round: dict[int, list[Question]] = defaultdict(list)
    for question in due:
        by_round[question.round_id].append(question)
    made = 0
    for questions in by_round.values():
        made += _remind_round(questions, today)
    return made


@transaction.atomic
def _remind_round(questions: Sequence[Question], today: date) -> int:
    budget_round = questions[0].round
    office = budget_office(budget_round)
    by_person: dict[int, list[Question]] = defaultdict(list)
    people: dict[int, User] = {}
    for question in questions:
        for person in _who_must_act(question, office):
            by_person[person.pk].append(question)
            people[person.pk] = person
    reachable = {
        user.pk: user
        for user in recipients_in(
            budget_round.municipality_id, people.values(), action=Action.ANSWER_QUESTION
        )
    }
    made = 0
    for pk, items in by_person.items():
        if pk not in reachable:
            continue
        with translation.override(EMAIL_LANGUAGE):
            subject, body = reminder_text(budget_round, reachable[pk], items, today)
        url = (
            _url(items[0])
            if len(items) == 1
            else reverse("question_list", args=[budget_round.public_id])
        )
        notify_users([reachable[pk]], subject=subject, body=body, url=url)
        made += 1
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(reminded_on=today)
    return made


def reminder_text(
    budget_round: BudgetRound, person: User, questions: Sequence[Question], today: date
) -> tuple[str, str]:
    """Subject and body of a question reminder, in the active language."""
    count = len(questions)
    subject = ngettext(
        "Reminder: %(count)d budget question in %(round)s",
        "Reminder: %(count)d budget questions in %(round)s",
        count,
    ) % {"count": count, "round": budget_round.name}
    lines = [
        _("Hello %(name)s,") % {"name": person.first_name or person},
        _("These budget questions in %(round)s wait for you:") % {"round": budget_round.name},
    ]
    for question in questions:
        values = {
            "number": question.number,
            "subject": question.subject_label,
            "date": _day(question.deadline),
        }
        if question.status == QuestionStatus.SUBMITTED:
            task = _("Approve the answer to question no. %(number)s (%(subject)s)") % values
        else:
            task = _("Answer question no. %(number)s (%(subject)s)") % values
        values["task"] = task
        if question.deadline < today:
            sentence = _("%(task)s. The deadline was %(date)s.") % values
        elif question.deadline == today:
            sentence = _("%(task)s today, %(date)s.") % values
        else:
            sentence = _("%(task)s by %(date)s.") % values
        lines.append(f"- {sentence}\n  {absolute_url(_url(question))}")
    return subject, "\n\n".join(lines)
