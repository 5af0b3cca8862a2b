"""Searching the idea bank: Danish full text on PostgreSQL, matching normalised words on SQLite.

`search_bank()` is the one entry point. The idea bank's search page calls it with what the user
typed and the filters; a page that suggests similar ideas for a draft calls `similar_bank_ideas()`
with the draft's text, which finds ideas sharing any of its words rather than all of them.

PostgreSQL: each idea keeps a stored, weighted tsvector (`search_vector`: title A, service area,
keywords and function code B, description C) built with the "danish" configuration and indexed
with GIN (migration 0002). A stored vector rather than an index on an expression, because ranking
needs the vector of every matching row: with an expression index PostgreSQL would find the rows
through the index but then run to_tsvector() again over each matching idea's whole text to rank
it, thousands of times for a common word. The price is keeping the column in step, which
`update_search_vectors()` does after every write (BankIdea.save() and the bulk paths in
actions.py). The query's words are matched as prefixes (`skole:*`), so "skole" also finds
"skolebus": Danish makes long compounds, and the Danish dictionary does not split them.

SQLite: the fallback for development and small installations. text.py stores each idea's title,
keywords and description as space-separated stems; a query word matches the beginning of a
stored word (`LIKE '% skol%'`) and scores 3 in the title, 2 in the keywords and 1 in the
description. This scans the table, which is fine for the few thousand ideas a year of a real
bank (docs/benchmarks.md has the figures). SQLite's FTS5 (available in this Python build) was
considered: it is fast, but keeping a separate FTS5 table in step needs triggers, which Django's
SQLite schema changes silently drop when they rebuild the table, or raw-SQL joins that the ORM's
filters and pagination cannot combine with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    F,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import CombinedExpression, Expression
from django.db.models.functions import Coalesce

from raaderum.ideabank import text
from raaderum.ideabank.models import BankIdea

SEARCH_CONFIG = "danish"
MIN_PREFIX_LENGTH = 3  # "is:*" would match half the dictionary
# SQLite scores per query word found in each part of an idea.
TITLE_SCORE, KEYWORDS_SCORE, BODY_SCORE = 3, 2, 1
# How much a similar idea's type and area add to its text rank (similar_bank_ideas).
SAME_TYPE_BONUS, SAME_AREA_BONUS = 0.05, 0.05

SOURCES_CACHE_KEY = "ideabank:source-names"
SOURCES_CACHE_SECONDS = 300

Match = Literal["all", "any"]


@dataclass(frozen=True)
class Filters:
    area: str = ""  # part of the service area's name, any case
    account: str = ""  # a main account of the kontoplan, "0".."6"
    type: str = ""  # a ProposalType value
    source: str = ""  # the source municipality's name, exactly
    effect_from: int | None = None  # kr. a year: the idea's range reaches at least this
    effect_to: int | None = None  # kr. a year: the idea's range starts at most at this

    @property
    def any(self) -> bool:
        return bool(
            self.area
            or self.account
            or self.type
            or self.source
            or self.effect_from is not None
            or self.effect_to is not None
        )


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def search_vector_expression() -> CombinedExpression:
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("service_area", "tags", "function_code", weight="B", config=SEARCH_CONFIG)
        + SearchVector("description", weight="C", config=SEARCH_CONFIG)
    )


def update_search_vectors(ideas: QuerySet[BankIdea]) -> None:
    """Bring the stored tsvector of these ideas up to date (PostgreSQL only; one UPDATE)."""
    if is_postgresql():
        ideas.update(search_vector=search_vector_expression())


def source_names() -> list[str]:
    """The source municipalities for the filter, from Django's cache for up to five minutes.

    Finding the distinct names reads the whole table (PostgreSQL has no skip scan), which costs
    more than the search itself at 200,000 ideas. Writes in this process clear the cache at once
    (actions.py); another worker process may show a new name up to five minutes late.
    """
    names: list[str] | None = cache.get(SOURCES_CACHE_KEY)
    if names is None:
        names = list(
            BankIdea.objects.order_by("source_name")
            .values_list("source_name", flat=True)
            .distinct()
        )
        cache.set(SOURCES_CACHE_KEY, names, SOURCES_CACHE_SECONDS)
    return names


def forget_source_names() -> None:
    cache.delete(SOURCES_CACHE_KEY)


def filter_bank(ideas: QuerySet[BankIdea], filters: Filters) -> QuerySet[BankIdea]:
    if filters.area:
        ideas = ideas.filter(service_area__icontains=filters.area)
    if filters.account:
        ideas = ideas.filter(function_code__startswith=f"{filters.account}.")
    if filters.type:
        ideas = ideas.filter(type=filters.type)
    if filters.source:
        ideas = ideas.filter(source_name=filters.source)
    # An idea with one bound has a range of one amount; one without any is not in a range.
    if filters.effect_from is not None:
        ideas = ideas.alias(top=Coalesce("effect_max", "effect_min")).filter(
            top__gte=filters.effect_from
        )
    if filters.effect_to is not None:
        ideas = ideas.alias(bottom=Coalesce("effect_min", "effect_max")).filter(
            bottom__lte=filters.effect_to
        )
    return ideas


def search_bank(
    query: str,
    filters: Filters | None = None,
    *,
    match: Match = "all",
    ideas: QuerySet[BankIdea] | None = None,
) -> QuerySet[BankIdea]:
    """Ideas matching the query's words (all of them, or any with match="any") and the filters,
    best first, annotated with `rank` (None when there is no query: newest first)."""
    ideas = filter_bank(
        BankIdea.objects.for_list() if ideas is None else ideas, filters or Filters()
    )
    if is_postgresql():
        return _postgresql(ideas, query, match)
    return _sqlite(ideas, query, match)


def similar_bank_ideas(
    draft: str, *, area: str = "", type: str = "", limit: int = 5
) -> list[BankIdea]:
    """Bank ideas sharing words with a draft idea or proposal (its title and text), best first;
    an idea of the same type or area ranks a little higher."""
    if not text.query_words(draft):
        return []  # no words to compare
    ideas = search_bank(draft, match="any")
    bonus: Expression = Value(0.0, output_field=FloatField())
    if type:
        bonus = bonus + Case(When(type=type, then=Value(SAME_TYPE_BONUS)), default=Value(0.0))
    if area:
        bonus = bonus + Case(
            When(service_area__icontains=area, then=Value(SAME_AREA_BONUS)), default=Value(0.0)
        )
    ranked = ideas.alias(similarity=F("rank") + bonus).order_by("-similarity", "-updated_at")
    return list(ranked[:limit])


def _postgresql(ideas: QuerySet[BankIdea], query: str, match: Match) -> QuerySet[BankIdea]:
    words = text.query_words(query)
    if not words:
        return ideas.annotate(rank=Value(None, output_field=FloatField())).order_by(
            "-updated_at", "-pk"
        )
    # Words are letters and digits only (text.py), so they are safe in a raw tsquery.
    operands = [f"{word}:*" if len(word) >= MIN_PREFIX_LENGTH else word for word in words]
    tsquery = SearchQuery(
        (" & " if match == "all" else " | ").join(operands),
        search_type="raw",
        config=SEARCH_CONFIG,
    )
    return (
        ideas.filter(search_vector=tsquery)
        .annotate(rank=SearchRank(F("search_vector"), tsquery))
        .order_by("-rank", "-updated_at", "-pk")
    )


def _sqlite(ideas: QuerySet[BankIdea], query: str, match: Match) -> QuerySet[BankIdea]:
    terms = text.query_terms(query)
    if not terms:
        return ideas.annotate(rank=Value(None, output_field=FloatField())).order_by(
            "-updated_at", "-pk"
        )
    conditions = []
    score: Expression = Value(0, output_field=IntegerField())
    for term in terms:
        # Stems are letters and digits only, so they carry no LIKE wildcards.
        pattern = f" {term}"
        conditions.append(
            Q(search_title__contains=pattern)
            | Q(search_keywords__contains=pattern)
            | Q(search_body__contains=pattern)
        )
        for field, points in (
            ("search_title", TITLE_SCORE),
            ("search_keywords", KEYWORDS_SCORE),
            ("search_body", BODY_SCORE),
        ):
            score = score + Case(
                When(**{f"{field}__contains": pattern}, then=Value(points)),
                default=Value(0),
                output_field=IntegerField(),
            )
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined & condition if match == "all" else combined | condition
    return (
        ideas.filter(combined)
        .annotate(rank=score * Value(1.0, output_field=FloatField()))
        .order_by("-rank", "-updated_at", "-pk")
    )
