"""The workflow's rules (pure) and its view: every step allowed and refused."""

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from raaderum.proposals import workflow
from raaderum.proposals.models import ProposalStatus, Transition
from raaderum.test import create_proposal

W = workflow


def situation(status, role=None, relations=(), **kw):
    values: dict[str, Any] = {
        "cross_cutting": False,
        "has_director": False,
        "has_effects": True,
    }
    values.update(kw)
    return W.Situation(status=status, role=role, relations=frozenset(relations), **values)


@pytest.mark.parametrize(
    ("step", "sit", "comment", "expected"),
    [
        ("submit", situation("draft", relations=[W.OWNER]), "", None),
        ("submit", situation("draft", role="budget_office"), "", None),
        ("submit", situation("draft", role="owner"), "", W.NOT_YOUR_ROLE),  # not their proposal
        ("submit", situation("draft", relations=[W.CONTRIBUTOR]), "", W.NOT_YOUR_ROLE),
        ("submit", situation("submitted", relations=[W.OWNER]), "", W.NOT_FROM_STATUS),
        ("submit", situation("draft", relations=[W.OWNER], has_effects=False), "", W.NO_EFFECTS),
        (
            "submit",
            situation("draft", relations=[W.OWNER], cross_cutting=True),
            "",
            W.NEEDS_DIRECTOR,
        ),
        (
            "submit",
            situation("draft", relations=[W.OWNER], summary_lix=46, max_lix=45),
            "",
            W.SUMMARY_TOO_HARD,
        ),
        ("submit", situation("draft", relations=[W.OWNER], summary_lix=45, max_lix=45), "", None),
        ("sign_off", situation("submitted", role="budget_office"), "", None),
        (
            "sign_off",
            situation("submitted", role="director", relations=[W.PROPOSAL_DIRECTOR]),
            "",
            W.NOT_YOUR_ROLE,
        ),
        (
            "approve",
            situation("signed_off", role="director", relations=[W.PROPOSAL_DIRECTOR]),
            "",
            None,
        ),
        ("approve", situation("signed_off", role="director"), "", W.NOT_YOUR_ROLE),
        ("approve", situation("signed_off", role="budget_office"), "", W.NOT_YOUR_ROLE),
        ("add_to_catalog", situation("signed_off", role="budget_office"), "", None),
        (
            "add_to_catalog",
            situation("signed_off", role="budget_office", cross_cutting=True, has_director=True),
            "",
            W.NEEDS_DIRECTOR_APPROVAL,
        ),
        (
            "add_to_catalog",
            situation("approved", role="budget_office", cross_cutting=True),
            "",
            None,
        ),
        ("send_back", situation("submitted", role="budget_office"), "", W.NEEDS_COMMENT),
        ("send_back", situation("submitted", role="budget_office"), "Regn om", None),
        ("send_back", situation("draft", role="budget_office"), "x", W.NOT_FROM_STATUS),
        ("withdraw", situation("in_catalog", relations=[W.OWNER]), "Dubleret", None),
        ("withdraw", situation("withdrawn", role="budget_office"), "x", W.NOT_FROM_STATUS),
        ("reopen", situation("withdrawn", role="budget_office"), "", None),
        ("reopen", situation("withdrawn", relations=[W.OWNER]), "", W.NOT_YOUR_ROLE),
    ],
)
def test_the_rules(step, sit, comment, expected):
    assert W.refusal(step, sit, comment) == expected


def test_available_offers_only_steps_the_person_takes():
    assert W.available(situation("draft", relations=[W.OWNER])) == ["submit", "withdraw"]
    assert W.available(situation("submitted", role="budget_office")) == [
        "sign_off",
        "send_back",
        "withdraw",
    ]
    assert W.available(situation("in_catalog", role="reader")) == []


def test_due_items_say_who_must_act_by_when():
    deadlines = {"drafting": date(2027, 3, 1), "quality_check": date(2027, 4, 1)}
    proposals = [
        ("P1", "draft", "ole", None, False),
        ("P2", "submitted", "ole", None, False),
        ("P3", "signed_off", "ole", "dorte", True),
        ("P4", "signed_off", "ole", None, False),
        ("P5", "in_catalog", "ole", None, False),
    ]
    items = W.due_items(proposals, ["bente"], deadlines, today=date(2027, 3, 15))
    got = [(i.proposal, i.who, i.step, i.deadline, i.overdue) for i in items]
    assert got == [
        ("P1", "ole", "submit", date(2027, 3, 1), True),
        ("P2", "bente", "sign_off", date(2027, 4, 1), False),
        ("P4", "bente", "add_to_catalog", None, False),
        ("P3", "dorte", "approve", None, False),
    ]


@pytest.fixture
def proposal(world):
    return create_proposal(
        world.round,
        world.children,
        world.owner,
        director=world.director,
        summary="Vi lukker en skole.",
        effects={(world.schools, 2027): -1_000_000},
    )


def take(client, proposal, step, comment="", version=None):
    proposal.refresh_from_db()
    return client.post(
        reverse("proposal_transition", args=[proposal.public_id]),
        {"step": step, "comment": comment, "version": version or proposal.version},
    )


def test_the_whole_way_into_the_catalog(client, world, proposal):
    client.force_login(world.owner)
    assert take(client, proposal, "submit").status_code == 302
    client.force_login(world.budget_officer)
    assert take(client, proposal, "sign_off").status_code == 302
    client.force_login(world.director)
    assert take(client, proposal, "approve").status_code == 302
    client.force_login(world.budget_officer)
    response = take(client, proposal, "add_to_catalog")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_CATALOG
    assert proposal.signed_off_by == world.budget_officer and proposal.signed_off_at
    assert proposal.approved_by == world.director
    steps = list(
        Transition.objects.filter(proposal=proposal).values_list("action", "user__username")
    )
    assert steps == [
        ("submit", "ole"),
        ("sign_off", "bente"),
        ("approve", "dorte"),
        ("add_to_catalog", "bente"),
    ]
    html = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    assert "Beregningen er godkendt af Bente Testesen" in html
    assert "Godkendt af Dorte Testesen" in html


@pytest.mark.parametrize(
    ("persona", "step", "status", "message"),
    [
        ("contributor", "submit", 403, "Din rolle giver ikke adgang til dette trin"),
        ("reader", "submit", 403, "Din rolle giver ikke adgang til dette trin"),
        ("budget_officer", "approve", 409, "kan ikke tages fra forslagets nuværende status"),
        ("budget_officer", "send_back", 409, "kan ikke tages fra forslagets nuværende status"),
    ],
)
def test_refused_steps_change_nothing_and_say_why(
    client, world, proposal, persona, step, status, message
):
    client.force_login(getattr(world, persona))
    response = take(client, proposal, step)
    assert response.status_code == status
    assert message in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT
    assert not Transition.objects.exists()


def test_sending_back_needs_a_comment_and_keeps_it(client, world, proposal):
    client.force_login(world.owner)
    take(client, proposal, "submit")
    client.force_login(world.budget_officer)
    response = take(client, proposal, "send_back", comment="  ")
    assert response.status_code == 409
    assert "Skriv begrundelsen i kommentarfeltet." in response.content.decode()
    response = take(client, proposal, "send_back", comment="Husk lønstigningen")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT
    assert Transition.objects.get(action="send_back").comment == "Husk lønstigningen"


def test_a_stale_step_is_refused(client, world, proposal):
    client.force_login(world.owner)
    response = take(client, proposal, "submit", version=proposal.version - 1 or 99)
    assert response.status_code == 409
    assert "Forslaget er ændret, efter du åbnede det" in response.content.decode()


def test_the_round_may_require_an_easy_summary(client, world, proposal):
    world.round.max_lix = 20
    world.round.save()
    proposal.summary = (
        "Kommunalbestyrelsen vedtager hermed en gennemgribende omstrukturering af "
        "skolevæsenets organisatoriske fundament."
    )
    proposal.save()
    client.force_login(world.owner)
    response = take(client, proposal, "submit")
    assert response.status_code == 409
    assert "Resuméet er sværere at læse, end budgetrunden tillader" in response.content.decode()


def test_withdrawn_proposals_cannot_be_edited_until_reopened(client, world, proposal):
    client.force_login(world.owner)
    take(client, proposal, "withdraw", comment="Dubleret")
    proposal.refresh_from_db()
    assert proposal.withdrawn_reason == "Dubleret"
    assert client.get(reverse("proposal_edit", args=[proposal.public_id])).status_code == 403
    client.force_login(world.budget_officer)
    take(client, proposal, "reopen")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.withdrawn_reason) == (ProposalStatus.DRAFT, "")


def test_history_shows_changes_since_sign_off(client, world, proposal):
    client.force_login(world.owner)
    take(client, proposal, "submit")
    client.force_login(world.budget_officer)
    take(client, proposal, "sign_off")
    proposal.refresh_from_db()
    client.post(
        reverse("proposal_effects", args=[proposal.public_id]),
        {
            "unit": "tkr",
            "rows": "1",
            "version": proposal.version,
            "area-0": world.schools.pk,
            "amount-0-2027": "-900",
        },
    )
    response = client.get(reverse("proposal_detail", args=[proposal.public_id]))
    changes = response.context["changes"]
    newest = changes[0]
    assert (newest.what, newest.before, newest.after) == (
        "Folkeskoler 2027",
        "\u22121.000.000 kr.",
        "\u2212900.000 kr.",
    )
    assert newest.after_sign_off is True
    assert changes[-1].after_sign_off is False
    assert "Ændret efter godkendelse" in response.content.decode()


def demote(user, role="reader"):
    from raaderum.organisation.models import Membership

    Membership.objects.filter(user=user).update(role=role)


def test_an_owner_demoted_to_reader_can_no_longer_withdraw(client, world, proposal):
    demote(world.owner)
    client.force_login(world.owner)
    response = take(client, proposal, "withdraw", comment="Dubleret")
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT
    assert not Transition.objects.exists()


def test_a_director_demoted_to_reader_can_no_longer_approve(client, world, proposal):
    client.force_login(world.owner)
    take(client, proposal, "submit")
    client.force_login(world.budget_officer)
    take(client, proposal, "sign_off")
    demote(world.director)
    client.force_login(world.director)
    response = take(client, proposal, "approve")
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SIGNED_OFF


def test_only_a_director_acts_as_the_proposals_director(world, proposal):
    from raaderum.proposals.actions import situation

    assert W.PROPOSAL_DIRECTOR in situation(proposal, world.director, "director").relations
    assert situation(proposal, world.director, "owner").relations == frozenset()
    assert W.OWNER in situation(proposal, world.owner, "owner").relations
    assert situation(proposal, world.owner, "politician").relations == frozenset()


def test_events_and_e_mails_are_danish_whatever_the_actors_language(
    client, world, proposal, settings, mailoutbox, django_capture_on_commit_callbacks
):
    from raaderum.communication.models import Event

    world.owner.email = "ole@norddjurs.dk"
    world.owner.save()
    client.force_login(world.owner)
    take(client, proposal, "submit")
    client.force_login(world.budget_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        response = take(client, proposal, "sign_off")
    assert response.status_code == 302
    event = Event.objects.get(verb="sign_off")
    assert event.text == f"Bente Testesen godkendte beregningen af {proposal.code}."
    [message] = [m for m in mailoutbox if "beregningen" in m.subject]
    assert message.subject == event.text


def test_changing_fte_after_sign_off_voids_the_sign_off(client, world, proposal):
    client.force_login(world.owner)
    take(client, proposal, "submit")
    client.force_login(world.budget_officer)
    take(client, proposal, "sign_off")
    proposal.refresh_from_db()
    client.force_login(world.owner)
    response = client.post(
        reverse("proposal_effects", args=[proposal.public_id]),
        {
            "unit": "tkr",
            "version": proposal.version,
            "area-0": world.schools.pk,
            "amount-0-2027": "-1000",  # unchanged
            "fte-2027": "-2",
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.signed_off_by is None
    assert Transition.objects.filter(action="void_sign_off").exists()


@pytest.mark.parametrize("summary", ["", "   "])
def test_a_round_with_max_lix_refuses_an_empty_summary(client, world, proposal, summary):
    world.round.max_lix = 40
    world.round.save()
    proposal.summary = summary
    proposal.save()
    client.force_login(world.owner)
    response = take(client, proposal, "submit")
    assert response.status_code == 409
    assert (
        "Skriv et resumé i klart sprog, før forslaget sendes til kvalitetstjek."
        in response.content.decode()
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT


@pytest.mark.parametrize(
    ("status", "step", "summary", "message"),
    [
        ("submitted", "sign_off", "", "Skriv et resumé i klart sprog"),
        ("signed_off", "add_to_catalog", "", "Skriv et resumé i klart sprog"),
        (
            "submitted",
            "sign_off",
            "Kommunalbestyrelsen vedtager hermed en gennemgribende omstrukturering.",
            "Resuméet er sværere at læse, end budgetrunden tillader",
        ),
    ],
)
def test_the_lix_gate_is_checked_again_after_submission(
    client, world, proposal, status, step, summary, message
):
    world.round.max_lix = 20
    world.round.save()
    Proposal = type(proposal)
    Proposal.objects.filter(pk=proposal.pk).update(status=status, summary=summary)
    client.force_login(world.budget_officer)
    response = take(client, proposal, step)
    assert response.status_code == 409
    assert message in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == status


def test_gated_rules_are_pure():
    sit = situation("submitted", role="budget_office", summary_lix=None, max_lix=40)
    assert W.refusal("sign_off", sit) == W.SUMMARY_MISSING
    assert W.refusal("sign_off", situation("submitted", role="budget_office")) is None


def step_buttons(html):
    import re

    pattern = r'<button type="submit" name="step" value="(\w+)" class="button (button-\w+)"'
    return dict(re.findall(pattern, html))


def test_destructive_steps_are_never_primary(client, world, proposal):
    client.force_login(world.owner)
    take(client, proposal, "submit")
    html = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    assert step_buttons(html) == {"withdraw": "button-secondary"}  # the only step offered
    client.force_login(world.budget_officer)
    html = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    assert step_buttons(html) == {
        "sign_off": "button-primary",
        "send_back": "button-secondary",
        "withdraw": "button-secondary",
    }


def test_the_workflow_error_is_tied_to_the_comment_field(client, world, proposal):
    client.force_login(world.owner)
    take(client, proposal, "submit")
    client.force_login(world.budget_officer)
    html = take(client, proposal, "send_back").content.decode()
    assert 'id="workflow-error"' in html
    assert 'aria-invalid="true" aria-describedby="workflow-error"' in html


def test_history_toggles_say_what_they_show(client, world, proposal):
    client.force_login(world.owner)
    proposal.refresh_from_db()
    data = {
        "title": proposal.title,
        "committee": str(world.children.pk),
        "type": proposal.type,
        "owner": str(world.owner.pk),
        "director": str(world.director.pk),
        "origin": proposal.origin,
        "summary": "Vi lukker en skole. " * 20,
        "version": proposal.version,
    }
    assert client.post(reverse("proposal_edit", args=[proposal.public_id]), data).status_code == 302
    html = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    assert '<span class="sr-only"> før: Resumé i klart sprog</span>' in html
    assert '<span class="sr-only"> efter: Resumé i klart sprog</span>' in html


def test_history_shows_who_changed_the_contributors(client, world, proposal):
    client.force_login(world.budget_officer)
    proposal.refresh_from_db()
    client.post(
        reverse("proposal_edit", args=[proposal.public_id]),
        {
            "title": proposal.title,
            "committee": world.children.pk,
            "type": proposal.type,
            "owner": world.owner.pk,
            "director": world.director.pk,
            "contributors": [world.contributor.pk],
            "origin": "employee",
            "summary": proposal.summary,
            "version": proposal.version,
        },
    )
    changes = client.get(reverse("proposal_detail", args=[proposal.public_id])).context["changes"]
    contributor_changes = [c for c in changes if c.what == "Bidragydere"]
    assert [(c.before, c.after) for c in contributor_changes] == [("–", "Carl Testesen")]
    assert contributor_changes[0].user == world.budget_officer


def test_a_cross_cutting_proposal_without_director_waits_for_the_budget_office():
    items = W.due_items(
        [("P9", "signed_off", "ole", None, True)], ["bente"], {}, today=date(2027, 1, 1)
    )
    assert [(i.proposal, i.who, i.step) for i in items] == [("P9", "bente", "approve")]
