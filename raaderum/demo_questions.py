"""The demo's budget questions and citizen consultation, on the published catalog (version 1).

Idempotent like raaderum.demo: a question is found by (round, text), the consultation by
(version, title), a generated answer by its token. Times are relative to the day the demo is
loaded, so one question is always overdue and the consultation is always open.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from raaderum.consultation.access import openable_proposals
from raaderum.consultation.actions import (
    Settings,
    do_hide_comment,
    do_open_consultation,
    do_submit_answer,
)
from raaderum.consultation.models import Answer, Consultation
from raaderum.organisation.models import User
from raaderum.publication.models import CatalogVersion, PublishedProposal
from raaderum.questions.actions import (
    do_approve_answer,
    do_ask_question,
    do_save_answer,
)
from raaderum.questions.models import Question
from raaderum.rounds.models import BudgetRound


@dataclass(frozen=True)
class DemoQuestion:
    asker: str
    proposal: str  # the title of a published proposal; "" for the round
    text: str
    days_ago: int
    answer: str = ""
    answered_by: str = ""
    state: str = "asked"  # asked, submitted or approved
    public: bool = False


QUESTIONS = [
    DemoQuestion(
        "politiker",
        "Sammenlægning af to skoledistrikter",
        "Hvor mange elever får mere end 6 km til skole, og hvad koster den ekstra "
        "befordring om året?",
        20,
        "62 elever får mere end 6 km til den nye skole. Befordringen koster ca. 450.000 kr. "
        "om året i 2027-priser. Beløbet er trukket fra besparelsen i forslaget, så "
        "besparelsen på 3,5 mio. kr. om året fra 2028 er efter befordring.",
        "ejer",
        "approved",
        public=True,
    ),
    DemoQuestion(
        "politiker2",
        "Lavere serviceniveau for snerydning på villaveje",
        "Hvor mange kilometer villavej bliver ryddet senere, og hvor længe må borgerne vente?",
        15,
        "Det gælder ca. 340 km villavej. De ryddes, når hovedveje, busruter og cykelstier er "
        "ryddet, typisk 12 til 24 timer senere end i dag. Veje til plejeboliger og "
        "institutioner ryddes som i dag.",
        "ejer3",
        "approved",
    ),
    DemoQuestion(
        "politiker",
        "",
        "Hvor stor en del af råderummet i kataloget kommer fra forslag, der betyder færre årsværk?",
        4,
        "Forslag med færre årsværk frigør 18,4 mio. kr. i 2028, altså lidt over en tredjedel "
        "af katalogets samlede råderum det år.",
        "oekonomi",
        "submitted",
    ),
    DemoQuestion(
        "politiker2",
        "Velfærdsteknologi: vasketoiletter i plejeboliger",
        "Hvad siger beboerne og de pårørende på de plejecentre, der allerede har vasketoiletter?",
        14,
    ),
    DemoQuestion(
        "politiker",
        "Flextur i stedet for buslinjer i yderområder",
        "Kan borgere i yderområderne stadig komme til og fra arbejde med Flextur om morgenen?",
        1,
    ),
]

CONSULTATION_TITLE = "Hjælp os med at prioritere budgettet 2027–2030"
CONSULTATION_INTRO = (
    "Kommunen skal finde 30 mio. kr. om året fra 2028. Politikerne vil gerne vide, hvilke "
    "forslag du ville vælge. Svarene er anonyme og indgår i budgetforhandlingerne."
)
ANSWERS = 30
SEED = 2027
# How likely a citizen is to choose a proposal of each committee (administration first).
LIKING = {"ØK": 0.9, "TM": 0.75, "KF": 0.6, "SU": 0.65, "BU": 0.5, "BE": 0.7}
COMMENTS = [
    "Spar på administrationen, før I rører ved skolerne.",
    "Vasketoiletter er fint, hvis det giver de ældre mere selvstændighed.",
    "Jeg vil hellere betale lidt mere i kulturskolen end lukke biblioteket om sommeren.",
    "Snerydning på villavejene er vigtig for os, der går med rollator.",
    "Flextur virker ikke for unge, der skal i skole kl. 8.",
    "Det er svært at nå målet uden at skære i noget, man kan mærke.",
    "Det her er spild af tid, I er nogle klovne!",
    "Godt, at vi bliver spurgt. Gør det igen næste år.",
]
HIDDEN = ("Det her er spild af tid, I er nogle klovne!", "Nedsættende sprog")


def load_questions_and_consultation(budget_round: BudgetRound, users: Mapping[str, User]) -> None:
    version = budget_round.catalog_versions.order_by("-number").first()
    if version is None:
        return
    version.round = budget_round
    _questions(budget_round, version, users)
    _consultation(version, users)


def _questions(
    budget_round: BudgetRound, version: CatalogVersion, users: Mapping[str, User]
) -> None:
    office = users["oekonomi"]
    now = timezone.now()
    for spec in QUESTIONS:
        if Question.objects.filter(round=budget_round, text=spec.text).exists():
            continue
        published = None
        if spec.proposal:
            published = (
                version.proposals.filter(title=spec.proposal).select_related("proposal").first()
            )
            if published is None:
                continue
            published.version = version
        question = do_ask_question(
            budget_round,
            user=users[spec.asker],
            text=spec.text,
            published=published,
            now=now - timedelta(days=spec.days_ago),
        )
        if spec.state in ("submitted", "approved"):
            question = do_save_answer(
                question, user=users[spec.answered_by], text=spec.answer, submit=True
            )
        if spec.state == "approved":
            do_approve_answer(question, user=office, public=spec.public)


def _token(number: int) -> str:
    return hashlib.sha256(f"demo-answer-{number}".encode()).hexdigest()


def _consultation(version: CatalogVersion, users: Mapping[str, User]) -> None:
    office = users["oekonomi"]
    today = timezone.localdate()
    consultation = Consultation.objects.filter(version=version, title=CONSULTATION_TITLE).first()
    if consultation is None:
        consultation = do_open_consultation(
            version,
            Settings(
                title=CONSULTATION_TITLE,
                intro=CONSULTATION_INTRO,
                opens_on=today - timedelta(days=7),
                closes_on=today + timedelta(days=21),
                target=version.target_by_year(),
            ),
            list(openable_proposals(version)),
            user=office,
        )
    elif not consultation.is_open(today):
        return  # a consultation from an earlier load that has closed: leave it as it is
    proposals: list[PublishedProposal] = list(
        consultation.proposals.select_related("committee").order_by("position")
    )
    given = set(Answer.objects.filter(consultation=consultation).values_list("token", flat=True))
    rng = random.Random(SEED)  # noqa: S311 - demo data, the same on every load
    for number in range(ANSWERS):
        codes = [
            p.code
            for p in proposals
            if rng.random() < LIKING.get(p.committee.code, 0.4)
            and (p.headroom_by_year().get(max(version.round.years), 0) > 0 or rng.random() < 0.3)
        ]
        comment = COMMENTS[number % len(COMMENTS)] if number % 3 == 0 else ""
        if _token(number) in given:
            continue
        day = max(consultation.opens_on, today - timedelta(days=number % 8))
        answer = do_submit_answer(
            consultation, codes=codes, comment=comment, token=_token(number), today=day
        )
        if comment == HIDDEN[0]:
            do_hide_comment(answer, user=office, reason=HIDDEN[1])
