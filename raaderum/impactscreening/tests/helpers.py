"""The four default questions, and a catalog whose proposals are assessed on the climate.

BU-01 Større klasser       climate clearly negative (−2)
BU-02 LED i gadelamper     climate clearly positive (2)
SU-01 Færre nattevagter    climate no significance (0)
SU-02 Rengøring            climate not assessed (no answer)
"""

from __future__ import annotations

from dataclasses import dataclass

from raaderum.impactscreening.actions import (
    do_create_default_questions,
    do_save_assessments,
    saved_answers,
)
from raaderum.impactscreening.models import ImpactQuestion
from raaderum.proposals.models import Proposal
from raaderum.publication.actions import do_publish_catalog
from raaderum.publication.models import CatalogVersion
from raaderum.test import World, create_proposal


@dataclass
class Questions:
    climate: ImpactQuestion
    equality: ImpactQuestion
    vulnerable: ImpactQuestion
    staff: ImpactQuestion


def default_questions(world: World) -> Questions:
    do_create_default_questions(world.municipality)
    return Questions(*ImpactQuestion.objects.filter(municipality=world.municipality))


def answer(
    proposal: Proposal, question: ImpactQuestion, score: int | None, text: str, user
) -> None:
    started = saved_answers(proposal, [question])
    do_save_assessments(proposal, {question.pk: (score, text)}, started, user=user)


@dataclass
class Screened:
    questions: Questions
    version: CatalogVersion
    negative: Proposal
    positive: Proposal
    neutral: Proposal
    unassessed: Proposal


def in_catalog(world: World, committee, area, title: str, amount: int) -> Proposal:
    return create_proposal(
        world.round,
        committee,
        world.owner,
        title=title,
        status="in_catalog",
        director=world.director,
        summary=f"Kort om {title}.",
        effects={(area, 2028): -amount},
    )


def screened_catalog(world: World) -> Screened:
    questions = default_questions(world)
    negative = in_catalog(world, world.children, world.schools, "Større klasser", 1_000_000)
    positive = in_catalog(world, world.children, world.daycare, "LED i gadelamper", 2_000_000)
    neutral = in_catalog(world, world.social, world.elderly, "Færre nattevagter", 4_000_000)
    unassessed = in_catalog(world, world.social, world.elderly, "Rengøring", 8_000_000)
    owner = world.owner
    answer(negative, questions.climate, -2, "Flere kører eleverne i bil.", owner)
    answer(negative, questions.staff, -1, "Færre lærere.", owner)
    answer(positive, questions.climate, 2, "60 % mindre strøm.", owner)
    answer(neutral, questions.climate, 0, "", owner)
    version = do_publish_catalog(world.round, user=world.budget_officer)
    return Screened(questions, version, negative, positive, neutral, unassessed)
