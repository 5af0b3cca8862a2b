"""Every URL × every role × own and other municipality: no leak, no surprise.

A new URL must be added to EXPECTED, or this test fails: nobody forgets to decide who may see it.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from raaderum.ideas.actions import do_submit_public_idea
from raaderum.prioritisation.models import Scenario
from raaderum.publication.actions import do_publish_catalog
from raaderum.test import create_proposal

ALL = ["budget_office", "director", "owner", "contributor", "politician", "reader"]
ADMINISTRATION = ["budget_office", "director", "owner", "contributor", "reader"]

# url name -> roles that get 200 on GET in their own municipality (others: 403).
EXPECTED = {
    "home": ALL,
    "round_detail": ALL,
    "round_create": ["budget_office"],
    "round_edit": ["budget_office"],
    "round_plan": ["budget_office"],
    "catalog": ADMINISTRATION,
    "proposal_create": ["budget_office", "director", "owner"],
    "proposal_detail": ADMINISTRATION,
    # The proposal is owned by the owner persona with the director persona as director.
    "proposal_edit": ["budget_office", "director", "owner"],
    "proposal_effects": ["budget_office", "director", "owner"],
    "proposal_comments": ADMINISTRATION,
    "round_activity": ADMINISTRATION,
    "glossary": ["budget_office"],
    "idea_list": ADMINISTRATION,
    "my_ideas": ALL,
    "idea_create": ADMINISTRATION,
    "party_proposal_create": ["politician"],
    "screening_criteria": ["budget_office", "director"],
    "idea_import": ["budget_office"],
    "idea_import_template": ["budget_office"],
    # A citizen's idea, so no persona is its submitter.
    "idea_detail": ADMINISTRATION,
    # Published catalogs are for everyone in the municipality, politicians first of all.
    "catalog_versions": ALL,
    "catalog_compare": ALL,
    "catalog_version": ALL,
    "published_proposal": ALL,
    "catalog_pdf_status": ALL,
    "catalog_excel": ALL,
    "proposal_import": ["budget_office"],
    "proposal_import_template": ["budget_office"],
    "decisions": ALL,
    "decisions_adjustments_csv": ALL,
    "decisions_adjustments_xlsx": ALL,
    "next_round": ["budget_office"],
    "cooling_off_override": ["budget_office"],
    "decision_settings": ["budget_office"],
    "round_publicity": ["budget_office"],
    "simulator": ALL,
    "scenario_list": ALL,
    "optimiser": ["budget_office", "director", "politician"],
    "impact": ["budget_office"],
    # Impact screening: the budget office keeps the questions; the proposal's screening is
    # answered by those who may edit it (the walk's draft: owner, director, budget office).
    "impact_questions": ["budget_office"],
    "impact_question_create": ["budget_office"],
    "impact_question_edit": ["budget_office"],
    "proposal_screening": ["budget_office", "director", "owner"],
    # The share link: any member of the municipality may read it.
    "scenario_detail": ALL,
    # Strategy and evaluation: everyone answers the evaluation, the budget office runs it.
    "round_strategy": ["budget_office"],
    "evaluation_edit": ["budget_office"],
    "evaluation_answer": ALL,
    "evaluation_summary": ["budget_office"],
    "evaluation_lessons": ["budget_office"],
    # Sharing an idea of the round in the idea bank (a citizen's idea in the walk).
    "bank_idea_share": ["budget_office"],
    # Budget questions: the walk's question is asked by the politician and assigned to the
    # owner; others in the administration see a question once it is answered.
    "question_list": ALL,
    "question_ask": ["politician"],
    "question_settings": ["budget_office"],
    "question_export_xlsx": ALL,
    "question_export_pdf_file": ALL,
    "question_detail": ["budget_office", "owner", "politician"],
    "consultation_list": ["budget_office", "director", "politician"],
    "consultation_create": ["budget_office"],
    "consultation_detail": ["budget_office", "director", "politician"],
    "consultation_edit": ["budget_office"],
    "consultation_export_xlsx": ["budget_office", "director", "politician"],
    "consultation_export_csv": ["budget_office", "director", "politician"],
    # Key figures and the target per committee are for everyone; the budget office keeps them.
    "key_figures": ALL,
    "target_distribution": ALL,
    "benchmark_data": ["budget_office"],
    "benchmark_settings": ["budget_office"],
    "comparison_groups": ["budget_office"],
    "comparison_group_edit": ["budget_office"],
    # Follow-up: everyone reads; the walk's initiative (SU-01) is the owner persona's, so the
    # owner and the budget office enter; the budget office alone opens cycles and decides.
    "followup_overview": ALL,
    "followup_initiatives": ALL,
    "followup_report_pdf_file": ALL,
    "followup_cycle_create": ["budget_office"],
    "followup_cycle": ALL,
    "followup_cycle_edit": ["budget_office"],
    "followup_initiative": ALL,
    "followup_initiative_edit": ["budget_office", "owner"],
    "followup_initiative_decide": ["budget_office"],
    "followup_realisation": ALL,
    # An approved assessment's file; unapproved ones: raaderum/followup/tests/test_evidence_view.py
    "followup_evidence_file": ALL,
    # Confidentiality: the budget office sets who reads a version and reads the access log.
    "catalog_visibility": ["budget_office"],
    "proposal_visibility": ["budget_office"],
    "access_log": ["budget_office"],
    "access_log_csv": ["budget_office"],
    "access_log_xlsx": ["budget_office"],
}
# Answer with a redirect, not a page: 302 for those allowed (to the version page until built).
REDIRECTING = {
    "catalog_pdf": ALL,
    "scenario_compare": ALL,  # to the list unless 2-4 scenarios are named
}
# Not tenant data: open to anyone or handled by Django itself.
OUTSIDE_THE_WALK = {
    "login",
    "person_log",  # installation administrators only: organisation/tests/test_person_log.py
    "logout",
    "set_language",
    "accessibility",
    "notification_settings",  # the user's own settings: no municipality's data
    # Single sign-on's login flow (404 unless configured): raaderum/sso/tests/test_oidc.py and
    # test_saml.py, against identity providers the tests start themselves.
    "sso_oidc_login",
    "sso_oidc_callback",
    "sso_saml_login",
    "sso_saml_acs",
    "sso_saml_metadata",
    "public_idea",  # public by design; raaderum/ideas/tests/test_public_idea.py
    "public_idea_thanks",
    # Public by design: raaderum/questions/tests/test_public_list.py and
    # raaderum/consultation/tests/test_public_consultation.py.
    "public_question_list",
    "public_consultation_list",
    "public_consultation",
    "public_consultation_thanks",
    # Public transparency page and open data, no login; every one of them is walked with
    # unpublished data present in raaderum/transparency/tests/test_nothing_unpublished.py.
    "public_home",
    "public_round",
    "public_proposal",
    "public_data",
    "public_initiatives_json",
    "public_initiatives_csv",
    "public_realisation_json",
    "public_realisation_csv",
    # Public catalog versions: walked with confidential and internal data present in
    # raaderum/confidentiality/tests/test_public_walk.py.
    "public_catalog",
    "public_catalog_pdf",
}
# POST-only actions: GET answers 405 for everyone; their POST permissions have their own tests.
# The idea bank belongs to the installation, not to one municipality
# (raaderum/ideabank/access.py): a member of any municipality reads every entry, so another
# municipality gets pages, not 404; only a budget office changes the bank, and only its own
# municipality's entries (403 for another's: the entry's existence is no secret). Users without
# any membership get 404 like everywhere (test_a_user_without_membership_sees_nothing).
# url name -> (roles of the walk's municipality, which keeps the entry, that get 200 on GET;
#              what the budget office of the other municipality gets)
INSTALLATION_WIDE = {
    "ideabank": (ALL, 200),
    "ideabank_export": (ALL, 200),
    "bank_idea_detail": (ALL, 200),
    "bank_idea_create": (["budget_office"], 200),
    "ideabank_import": (["budget_office"], 200),
    "bank_idea_edit": (["budget_office"], 403),
    "bank_idea_delete": (["budget_office"], 403),
    # Into the user's own rounds; politicians submit party proposals instead.
    "bank_idea_use": (ADMINISTRATION, 200),
}
POST_ONLY = {
    "proposal_transition",
    "readability",
    "catalog_pdf_make",
    "simulator_totals",
    "scenario_save",
    "scenario_update",
    "scenario_delete",
    "relation_add",
    "relation_delete",
    "question_answer",
    "question_review",
    "question_route",
    "question_publicity",
    "consultation_comment",
    "benchmark_fetch",
    "comparison_group_delete",
    "followup_milestone_done",
    "followup_realisation_review",
    "followup_evidence_upload",
    "followup_evidence_delete",
    "impact_question_delete",
}


def app_url_names():
    names = set()

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(pattern.name)

    walk(get_resolver().url_patterns)
    return names


def test_every_url_is_in_the_walk():
    assert app_url_names() - OUTSIDE_THE_WALK == (
        set(EXPECTED) | POST_ONLY | set(REDIRECTING) | set(INSTALLATION_WIDE)
    )


def urls_for(world, proposal, idea, version, scenario):
    args = {
        "home": [],
        "round_detail": [world.round.public_id],
        "round_create": [world.municipality.slug],
        "round_edit": [world.round.public_id],
        "round_plan": [world.round.public_id],
        "catalog": [world.round.public_id],
        "proposal_create": [world.round.public_id],
        "proposal_detail": [proposal.public_id],
        "proposal_edit": [proposal.public_id],
        "proposal_effects": [proposal.public_id],
        "proposal_visibility": [proposal.public_id],
        "proposal_transition": [proposal.public_id],
        "proposal_comments": [proposal.public_id],
        "round_activity": [world.round.public_id],
        "glossary": [world.municipality.slug],
        "readability": [world.round.public_id],
        "idea_list": [world.round.public_id],
        "my_ideas": [world.round.public_id],
        "idea_create": [world.round.public_id],
        "party_proposal_create": [world.round.public_id],
        "screening_criteria": [world.round.public_id],
        "idea_import": [world.round.public_id],
        "idea_import_template": [world.round.public_id],
        "idea_detail": [idea.public_id],
        "catalog_versions": [world.round.public_id],
        "catalog_compare": [world.round.public_id],
        "catalog_version": [world.round.public_id, version.number],
        "published_proposal": [world.round.public_id, version.number, "SU-01"],
        "catalog_pdf_status": [world.round.public_id, version.number],
        "catalog_pdf": [world.round.public_id, version.number],
        "catalog_pdf_make": [world.round.public_id, version.number],
        "catalog_excel": [world.round.public_id, version.number],
        "catalog_visibility": [world.round.public_id, version.number],
        "access_log": [world.municipality.slug],
        "access_log_csv": [world.municipality.slug],
        "access_log_xlsx": [world.municipality.slug],
        "proposal_import": [world.round.public_id],
        "proposal_import_template": [world.round.public_id],
        "decisions": [world.round.public_id],
        "decisions_adjustments_csv": [world.round.public_id],
        "decisions_adjustments_xlsx": [world.round.public_id],
        "next_round": [world.round.public_id],
        "cooling_off_override": [proposal.public_id],
        "decision_settings": [world.municipality.slug],
        "round_publicity": [world.round.public_id],
        "simulator": [world.round.public_id, version.number],
        "simulator_totals": [world.round.public_id, version.number],
        "scenario_list": [world.round.public_id, version.number],
        "scenario_compare": [world.round.public_id, version.number],
        "scenario_save": [world.round.public_id, version.number],
        "optimiser": [world.round.public_id, version.number],
        "impact": [world.round.public_id],
        "relation_add": [world.round.public_id],
        "relation_delete": [world.round.public_id],
        "scenario_detail": [scenario.share_token],
        "scenario_update": [scenario.public_id],
        "scenario_delete": [scenario.public_id],
    }
    return {name: reverse(name, args=value) for name, value in args.items()}


@pytest.fixture
def walk(world):
    proposal = create_proposal(
        world.round,
        world.children,
        world.owner,
        director=world.director,
        effects={(world.schools, 2027): -1_000},
    )
    world.round.current_phase = "ideas"  # the idea forms are open
    world.round.save()
    idea = do_submit_public_idea(
        world.round, {"title": "Lys i parken", "description": "Sluk om natten."}
    )
    create_proposal(
        world.round,
        world.social,
        world.owner,
        title="I kataloget",
        status="in_catalog",
        summary="Færre nattevagter.",
        effects={(world.elderly, 2028): -5_000},
    )
    version = do_publish_catalog(world.round, user=world.budget_officer)
    scenario = Scenario.objects.create(version=version, name="Pias forslag", owner=world.politician)
    urls = urls_for(world, proposal, idea, version, scenario)
    urls.update(question_and_consultation_urls(world, version))
    urls.update(strategy_evaluation_and_idea_bank_urls(world, idea))
    urls.update(benchmark_urls(world))
    urls.update(followup_urls(world, version))
    urls.update(impact_screening_urls(world, proposal))
    return world, urls


def impact_screening_urls(world, proposal):
    from raaderum.impactscreening.actions import do_create_default_questions

    question = do_create_default_questions(world.municipality)[0]
    slug = world.municipality.slug
    args = {
        "impact_questions": [slug],
        "impact_question_create": [slug],
        "impact_question_edit": [question.public_id],
        "impact_question_delete": [question.public_id],
        "proposal_screening": [proposal.public_id],
    }
    return {name: reverse(name, args=value) for name, value in args.items()}


def followup_urls(world, version):
    """SU-01 adopted: a milestone, an approved assessment of 2028 with a file, a cycle."""
    import datetime

    from raaderum.decisions.actions import do_record_decisions
    from raaderum.followup.actions import do_open_cycle, do_review_realisation, do_save_realisation
    from raaderum.followup.models import Evidence, Initiative, Milestone

    published = version.proposals.get(code="SU-01")
    agreement = {"body": "KB", "date": datetime.date(2026, 10, 8), "reference": "Aftale"}
    do_record_decisions(
        world.round,
        version,
        {**agreement, "note": ""},
        {published.pk: {"outcome": "adopted", "note": "", "may_return": False}},
        user=world.budget_officer,
    )
    initiative = Initiative.objects.get()
    milestone = Milestone.objects.create(initiative=initiative, title="Plan", due="2028-01-01")
    fields = {"realised": 5_000, "status": "on_track", "assessment": "Som ventet.", "learning": ""}
    realisation = do_save_realisation(
        initiative, 2028, fields, submit=True, expected_version=0, user=world.owner
    )
    evidence = Evidence.objects.create(
        realisation=realisation,
        name="udtræk.csv",
        content=b"a;b\n",
        content_type="text/csv",
        size=4,
        uploaded_by=world.owner,
    )
    do_review_realisation(
        realisation, approve=True, note="", expected_version=1, user=world.budget_officer
    )
    do_open_cycle(
        world.municipality,
        {
            "accounts_year": 2028,
            "entry_deadline": datetime.date(2029, 3, 1),
            "review_deadline": datetime.date(2029, 4, 1),
        },
        user=world.budget_officer,
    )
    slug, code = world.municipality.slug, [world.round.public_id, "SU-01"]
    args = {
        "followup_overview": [slug],
        "followup_initiatives": [slug],
        "followup_report_pdf_file": [slug],
        "followup_cycle_create": [slug],
        "followup_cycle": [slug, 2028],
        "followup_cycle_edit": [slug, 2028],
        "followup_initiative": code,
        "followup_initiative_edit": code,
        "followup_initiative_decide": code,
        "followup_milestone_done": [*code, milestone.public_id],
        "followup_realisation": [*code, 2028],
        "followup_realisation_review": [*code, 2028],
        "followup_evidence_upload": [*code, 2028],
        "followup_evidence_file": [*code, 2028, evidence.public_id],
        "followup_evidence_delete": [*code, 2028, evidence.public_id],
    }
    return {name: reverse(name, args=value) for name, value in args.items()}


def benchmark_urls(world):
    from raaderum.benchmark.models import ComparisonGroup

    group = ComparisonGroup.objects.create(
        municipality=world.municipality, name="Naboer", kommuner="706,710"
    )
    slug = world.municipality.slug
    args = {
        name: [slug]
        for name in (
            "key_figures",
            "benchmark_data",
            "benchmark_fetch",
            "benchmark_settings",
            "comparison_groups",
        )
    }
    args["comparison_group_edit"] = [group.public_id]
    args["comparison_group_delete"] = [group.public_id]
    args["target_distribution"] = [world.round.public_id]
    return {name: reverse(name, args=value) for name, value in args.items()}


def question_and_consultation_urls(world, version):
    import datetime

    from raaderum.consultation.actions import Settings, do_open_consultation, do_submit_answer
    from raaderum.questions.actions import do_ask_question

    question = do_ask_question(
        world.round,
        user=world.politician,
        text="Hvad koster det?",
        published=version.proposals.get(),
    )
    today = datetime.date.today()
    version.visibility = "public"  # citizens are consulted on a public version only
    version.save(update_fields=["visibility"])
    consultation = do_open_consultation(
        version,
        Settings("Hjælp os", "", today, today, version.target_by_year()),
        list(version.proposals.all()),
        user=world.budget_officer,
    )
    answer = do_submit_answer(consultation, codes=[], comment="Godt", token="x", today=today)
    question_args = {
        name: [world.round.public_id]
        for name in (
            "question_list",
            "question_ask",
            "question_settings",
            "question_export_xlsx",
            "question_export_pdf_file",
            "consultation_list",
            "consultation_create",
        )
    }
    question_args.update(
        {
            name: [question.public_id]
            for name in (
                "question_detail",
                "question_answer",
                "question_review",
                "question_route",
                "question_publicity",
            )
        }
    )
    question_args.update(
        {
            name: [consultation.public_id]
            for name in (
                "consultation_detail",
                "consultation_edit",
                "consultation_export_xlsx",
                "consultation_export_csv",
            )
        }
    )
    question_args["consultation_comment"] = [consultation.public_id, answer.public_id]
    return {name: reverse(name, args=value) for name, value in question_args.items()}


def strategy_evaluation_and_idea_bank_urls(world, idea):
    from raaderum.ideabank.actions import do_save_bank_idea

    bank_idea = do_save_bank_idea(
        world.municipality,
        {
            "title": "Færre vikarer",
            "service_area": "Folkeskoler",
            "type": "saving",
            "source_name": world.municipality.name,
        },
        user=world.budget_officer,
    )
    args = {
        name: [world.round.public_id]
        for name in (
            "round_strategy",
            "evaluation_edit",
            "evaluation_answer",
            "evaluation_summary",
            "evaluation_lessons",
        )
    }
    args["bank_idea_share"] = [idea.public_id]
    args.update({name: [] for name in ("ideabank", "bank_idea_create", "ideabank_import")})
    args["ideabank_export"] = ["json"]
    args.update(
        {
            name: [bank_idea.public_id]
            for name in ("bank_idea_detail", "bank_idea_edit", "bank_idea_delete", "bank_idea_use")
        }
    )
    return {name: reverse(name, args=value) for name, value in args.items()}


@pytest.mark.parametrize("name", sorted(INSTALLATION_WIDE))
def test_the_idea_bank_is_read_by_the_installation_and_kept_by_its_municipality(client, walk, name):
    world, urls = walk
    roles, other_municipality = INSTALLATION_WIDE[name]
    for role, user in world.personas().items():
        client.force_login(user)
        expected = 200 if role in roles else 403
        assert client.get(urls[name]).status_code == expected, (name, role)
    client.force_login(world.outsider)
    assert client.get(urls[name]).status_code == other_municipality, name
    if other_municipality == 403:
        assert client.post(urls[name], {}).status_code == 403, name
    client.logout()
    response = client.get(urls[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_role_gets_what_the_table_says(client, walk, name):
    world, urls = walk
    for role, user in world.personas().items():
        client.force_login(user)
        expected = 200 if role in EXPECTED[name] else 403
        assert client.get(urls[name]).status_code == expected, (name, role)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_another_municipality_sees_nothing(client, walk, name):
    world, urls = walk
    client.force_login(world.outsider)
    response = client.get(urls[name])
    if name == "home":
        assert response.status_code == 200
        assert str(world.round.public_id) not in response.content.decode()
        assert world.municipality.name not in response.content.decode()
    else:
        assert response.status_code == 404, name
        assert client.post(urls[name], {}).status_code in (404, 405), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_anonymous_users_are_sent_to_login(client, walk, name):
    _world, urls = walk
    response = client.get(urls[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_user_without_membership_sees_nothing(client, walk, django_user_model):
    _world, urls = walk
    stranger = django_user_model.objects.create_user("stranger", password="x")
    client.force_login(stranger)
    for name, url in urls.items():
        expected = 200 if name == "home" else 404
        fetch = client.post if name in POST_ONLY else client.get
        assert fetch(url).status_code == expected, name


@pytest.mark.parametrize("name", sorted(REDIRECTING))
def test_redirecting_urls(client, walk, name):
    world, urls = walk
    for role, user in world.personas().items():
        client.force_login(user)
        expected = 302 if role in REDIRECTING[name] else 403
        assert client.get(urls[name]).status_code == expected, (name, role)
    client.force_login(world.outsider)
    assert client.get(urls[name]).status_code == 404


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only_urls_refuse_get_and_other_municipalities(client, walk, name):
    world, urls = walk
    client.force_login(world.budget_officer)
    assert client.get(urls[name]).status_code == 405
    client.force_login(world.outsider)
    assert client.post(urls[name], {"step": "submit"}).status_code == 404
