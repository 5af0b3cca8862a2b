"""The demo loader: what it creates, that it is idempotent, and that its catalog makes sense."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Sum
from django.test import RequestFactory

from raaderum import demo, demo_data
from raaderum.demo import load_demo
from raaderum.organisation.models import (
    Committee,
    Membership,
    Municipality,
    Role,
    ServiceArea,
    ServiceAreaBudget,
    User,
)
from raaderum.proposals import calculation
from raaderum.proposals.models import (
    Effect,
    Proposal,
    ProposalStatus,
    ProposalType,
    StaffEffect,
)
from raaderum.rounds.models import BudgetRound, RoundYearTarget

pytestmark = pytest.mark.django_db

# The catalog's total råderum (minus the sum of all effects), to the krone.
HEADROOM = {2027: 7_400_000, 2028: 50_450_000, 2029: 69_150_000, 2030: 72_450_000}
TEACHING_EXAMPLE = "Samlet kørselskontor for al visiteret kørsel"


@pytest.fixture
def loaded():
    return load_demo()


def effect_sum(budget_round, year, **filters):
    effects = Effect.objects.filter(proposal__round=budget_round, year=year, **filters)
    return effects.aggregate(total=Sum("amount"))["total"] or 0


def snapshot():
    """Everything the loader writes, in a comparable form."""
    models = [
        Municipality,
        Committee,
        ServiceArea,
        ServiceAreaBudget,
        User,
        Membership,
        BudgetRound,
        RoundYearTarget,
        Proposal,
        Effect,
        StaffEffect,
    ]
    return {
        "counts": {model.__name__: model._default_manager.count() for model in models},
        "proposals": sorted(
            Proposal.objects.values_list("pk", "committee__code", "number", "version", "updated_at")
        ),
        "effects": sorted(Effect.objects.values_list("proposal", "service_area", "year", "amount")),
        "fte": sorted(StaffEffect.objects.values_list("proposal", "year", "fte")),
        "budgets": sorted(ServiceAreaBudget.objects.values_list("service_area", "year", "amount")),
        "users": sorted(User.objects.values_list("username", "password", "is_superuser")),
        "contributors": sorted(Proposal.contributors.through.objects.values_list("pk", flat=True)),
    }


def test_it_creates_the_municipality_committees_areas_and_proposals(loaded):
    municipality = loaded.municipality
    assert (municipality.name, municipality.code, municipality.slug) == (
        "Demo Kommune",
        999,
        "demo",
    )
    assert municipality.inhabitants == 40_000
    assert municipality.accessibility_statement_url.startswith("https://")

    committees = Committee.objects.filter(municipality=municipality)
    assert [(c.code, c.position) for c in committees] == [
        ("ØK", 1),
        ("BU", 2),
        ("SU", 3),
        ("TM", 4),
        ("KF", 5),
        ("BE", 6),
    ]
    assert ServiceArea.objects.of_municipality(municipality).count() == 22
    assert Proposal.objects.filter(round=loaded.budget_round).count() == 61
    assert (loaded.committees, loaded.service_areas, loaded.proposals_created) == (6, 22, 61)


def test_everything_it_creates_passes_the_model_validation(loaded):
    loaded.municipality.full_clean()
    loaded.budget_round.full_clean()
    for committee in Committee.objects.filter(municipality=loaded.municipality):
        committee.full_clean()
    for area in ServiceArea.objects.of_municipality(loaded.municipality):
        area.full_clean()  # includes the h.hh.ff format of the kontoplan functions
    for proposal in Proposal.objects.filter(round=loaded.budget_round):
        proposal.full_clean()


def test_area_budgets_cover_five_years_and_add_up_to_a_plausible_total(loaded):
    budgets = ServiceAreaBudget.objects.filter(
        service_area__committee__municipality=loaded.municipality
    )
    assert budgets.count() == 22 * 5
    assert set(budgets.values_list("year", flat=True)) == {2026, 2027, 2028, 2029, 2030}
    total_2027 = budgets.filter(year=2027).aggregate(total=Sum("amount"))["total"]
    assert total_2027 == 2_573_500_000
    assert 60_000 < total_2027 / 40_000 < 70_000  # net operating spend per inhabitant, kr.
    assert all(amount % 1000 == 0 for amount in budgets.values_list("amount", flat=True))


def test_running_it_twice_changes_nothing(loaded):
    before = snapshot()
    again = load_demo()
    assert snapshot() == before
    assert (again.proposals_created, again.proposals_updated, again.proposals_unchanged) == (
        0,
        0,
        61,
    )


def test_running_it_again_restores_what_was_changed(loaded):
    proposal = Proposal.objects.get(round=loaded.budget_round, title="Digital post til borgere")
    code = proposal.code
    proposal.summary = "Ændret under en demo."
    proposal.save()
    proposal.effects.filter(year=2030).delete()
    ServiceAreaBudget.objects.filter(year=2026).delete()
    owner = User.objects.get(username="ejer")
    owner.set_password("something else")
    owner.save()

    again = load_demo()

    assert (again.proposals_created, again.proposals_updated) == (0, 1)
    proposal.refresh_from_db()
    assert proposal.summary.startswith("Flere breve fra kommunen")
    assert proposal.code == code
    assert effect_sum(loaded.budget_round, 2030, proposal=proposal) == -800_000
    assert ServiceAreaBudget.objects.filter(year=2026).count() == 22
    assert (
        authenticate(RequestFactory().post("/"), username="ejer", password=demo.PASSWORD) == owner
    )


def test_a_failure_leaves_nothing_behind(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "do_save_effects", fail)
    with pytest.raises(RuntimeError):
        load_demo()
    assert not Municipality.objects.exists()
    assert not Proposal.objects.exists()


def test_every_role_has_a_persona_who_logs_in_with_demo(loaded):
    memberships = Membership.objects.filter(municipality=loaded.municipality)
    assert {m.role for m in memberships} == set(Role.values)
    for membership in memberships.select_related("user"):
        user = authenticate(
            RequestFactory().post("/"), username=membership.user.username, password="demo"
        )
        assert user == membership.user
        assert membership.user.first_name and membership.user.last_name
        assert membership.user.username.isascii() and membership.user.username.islower()
    by_role = {role: memberships.filter(role=role).count() for role in Role.values}
    assert by_role[Role.DIRECTOR] == 2 and by_role[Role.OWNER] == 3
    politicians = memberships.filter(role=Role.POLITICIAN)
    assert sorted(politicians.values_list("party", flat=True)) == ["Socialdemokratiet", "Venstre"]


def test_admin_is_a_superuser_in_the_budget_office(loaded):
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert Membership.objects.get(user=admin).role == Role.BUDGET_OFFICE
    assert not User.objects.filter(is_superuser=True).exclude(username="admin").exists()


def test_the_round_and_its_headroom_phase_in_around_the_target(loaded):
    budget_round = loaded.budget_round
    assert budget_round.name == "Budget 2027–2030"
    assert (budget_round.budget_year, budget_round.price_level_year) == (2027, 2027)
    assert (budget_round.target_amount, budget_round.full_effect_year) == (30_000_000, 2028)
    assert not budget_round.year_targets.exists()
    assert budget_round.description.startswith("Kommunalbestyrelsen")

    headroom = {year: -effect_sum(budget_round, year) for year in budget_round.years}
    assert headroom == HEADROOM
    assert headroom[2027] < 30_000_000 < headroom[2028]


def test_investments_cost_money_first_and_free_money_later(loaded):
    investments = Proposal.objects.filter(round=loaded.budget_round, type=ProposalType.INVESTMENT)
    costing_in_2027 = [
        p for p in investments if effect_sum(loaded.budget_round, 2027, proposal=p) > 0
    ]
    assert len(costing_in_2027) >= 6
    for proposal in investments:
        assert effect_sum(loaded.budget_round, 2030, proposal=proposal) < 0


def test_several_proposals_have_effects_under_more_than_one_committee(loaded):
    proposals = Proposal.objects.filter(round=loaded.budget_round).annotate(
        committees=Count("effects__service_area__committee", distinct=True),
        areas=Count("effects__service_area", distinct=True),
    )
    spanning = proposals.filter(committees__gte=2)
    assert spanning.count() >= 3
    assert spanning.filter(type=ProposalType.INVESTMENT).count() >= 3
    assert proposals.filter(committees=1, areas=2).exists()  # two areas of one committee


def test_no_proposal_warns_except_the_teaching_example(loaded):
    proposals = Proposal.objects.for_catalog().filter(round=loaded.budget_round)
    warned = {p.title: p.warnings() for p in proposals if p.warnings()}
    assert warned == {TEACHING_EXAMPLE: [calculation.CROSS_CUTTING_WITHOUT_DIRECTOR]}
    example = Proposal.objects.get(round=loaded.budget_round, title=TEACHING_EXAMPLE)
    assert example.status == ProposalStatus.DRAFT and example.director is None


def test_the_catalog_offers_real_choices(loaded):
    proposals = Proposal.objects.filter(round=loaded.budget_round)
    assert set(proposals.values_list("type", flat=True)) == set(ProposalType.values)
    assert set(proposals.values_list("status", flat=True)) == set(ProposalStatus.values)
    assert 4 <= proposals.filter(type=ProposalType.EXPANSION).count() <= 6
    for expansion in proposals.filter(type=ProposalType.EXPANSION):
        assert all(effect.amount > 0 for effect in expansion.effects.all())
    versions = proposals.filter(title__startswith="Lavere tilskud til foreninger og haller – ")
    assert sorted(p.title.rsplit("– ", 1)[1] for p in versions) == ["10 %", "15 %", "5 %"]
    assert StaffEffect.objects.filter(proposal__round=loaded.budget_round).exists()
    assert proposals.filter(contributors__username="bidragyder").count() >= 3
    for proposal in proposals:
        assert proposal.summary and proposal.calculation_basis and proposal.type_rationale


def test_owners_and_directors_have_fitting_roles(loaded):
    roles = dict(
        Membership.objects.filter(municipality=loaded.municipality).values_list("user", "role")
    )
    for proposal in Proposal.objects.filter(round=loaded.budget_round):
        assert roles[proposal.owner_id] in (Role.OWNER, Role.DIRECTOR)
        if proposal.director_id:
            assert roles[proposal.director_id] == Role.DIRECTOR


def test_the_data_declares_each_proposal_once_and_only_known_areas():
    titles = [p["title"] for p in demo_data.PROPOSALS]
    assert len(titles) == len(set(titles))
    areas = {a["name"] for a in demo_data.SERVICE_AREAS}
    for proposal in demo_data.PROPOSALS:
        assert set(proposal["effects"]) <= areas


def test_the_command_prints_the_logins_and_the_address(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    for person in demo_data.PEOPLE:
        assert person["username"] in text and person["last_name"] in text
    assert "forslagsejer" in text and "politiker" in text
    assert "http://127.0.0.1:8000/" in text


def test_the_command_refuses_without_debug_unless_told(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=StringIO())
    assert not Municipality.objects.exists()
    call_command("load_demo", "--allow-without-debug", stdout=StringIO())
    assert Municipality.objects.filter(code=999).exists()


def test_the_next_round_takes_ideas_of_every_kind(loaded):
    from raaderum.ideas.models import Idea

    budget_round = BudgetRound.objects.get(name="Budget 2028–2031")
    assert budget_round.accepts_ideas
    ideas = Idea.objects.filter(round=budget_round)
    assert set(ideas.values_list("origin", flat=True)) == {
        "employee",
        "manager",
        "party",
        "citizen",
    }
    rejected = ideas.get(status="rejected")
    assert rejected.title == "Ny rådhusfløj" and "anlægsbudget" in rejected.rejection_reason
    assert budget_round.screening_rules.min_amount == 500_000
    load_demo()
    assert Idea.objects.filter(round=budget_round).count() == ideas.count() == 7


def test_proposals_have_a_conversation(loaded):
    from raaderum.communication.models import Comment

    assert Comment.objects.filter(proposal__round=loaded.budget_round).count() == 3
    load_demo()
    assert Comment.objects.filter(proposal__round=loaded.budget_round).count() == 3
