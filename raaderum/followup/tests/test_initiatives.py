"""Each adopted decision becomes an initiative; entered follow-up never vanishes with it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from raaderum.decisions.models import Decision
from raaderum.decisions.tests.helpers import decide
from raaderum.decisions.tests.test_decisions_view import form_data
from raaderum.followup.models import Initiative, InitiativeStatus, Milestone
from raaderum.followup.tests.helpers import OUTCOMES, adopt, assess, initiative
from raaderum.publication.actions import do_publish_catalog

pytestmark = pytest.mark.django_db


def test_each_adopted_proposal_gets_an_initiative_with_the_adopted_amounts(world):
    adopt(world)
    assert sorted(Initiative.objects.values_list("decision__published__code", flat=True)) == [
        "BU-01",
        "BU-02",
        "SU-01",
    ]
    first = initiative("BU-01")
    assert first.expected == {"2027": 1_000_200, "2028": 1_234_567, "2029": 0, "2030": 0}
    assert first.responsible == world.owner
    assert first.responsible_unit == "Folkeskoler"
    assert first.municipality == world.municipality
    assert first.status == InitiativeStatus.ACTIVE
    assert initiative("BU-02").responsible_unit == "Folkeskoler, Dagtilbud"
    assert initiative("SU-01").expected_by_year() == {
        2027: -400_000,
        2028: 0,
        2029: 900_000,
        2030: 0,
    }


def test_recording_again_changes_nothing(world):
    agreement = adopt(world)
    before = list(Initiative.objects.values_list("pk", "version", "expected"))
    decide(world, agreement.version, OUTCOMES)
    assert list(Initiative.objects.values_list("pk", "version", "expected")) == before


def test_a_decision_changed_away_from_adopted_drops_its_empty_initiative(world):
    agreement = adopt(world)
    decide(world, agreement.version, {**OUTCOMES, "BU-02": {"outcome": "deferred"}})
    assert not Initiative.objects.filter(decision__published__code="BU-02").exists()
    assert Initiative.objects.count() == 2


def test_a_decision_with_follow_up_entered_cannot_change_and_nothing_is_saved(client, world):
    agreement = adopt(world)
    Milestone.objects.create(
        initiative=initiative("BU-02"), title="Lokaler samlet", due="2027-08-01"
    )
    client.force_login(world.budget_officer)
    rows = {**OUTCOMES, "BU-02": {"outcome": "rejected"}, "BU-01": {"outcome": "deferred"}}
    response = client.post(
        reverse("decisions", args=[world.round.public_id]), form_data(agreement.version, rows)
    )
    assert response.status_code == 200  # the form again, with the reason at its top
    assert (
        "Beslutningerne blev ikke gemt: BU-02 følges op (der er indtastet milepæle, "
        "vurderinger eller beslutninger)"
    ) in response.content.decode()
    # All or nothing: BU-01 is still adopted and followed up too.
    assert Decision.objects.get(published__code="BU-01").outcome == "adopted"
    assert Decision.objects.get(published__code="BU-02").outcome == "adopted"
    assert Initiative.objects.count() == 3


def test_moving_decisions_to_a_newer_version_moves_empty_initiatives(world):
    adopt(world)
    newer = do_publish_catalog(world.round, user=world.budget_officer)
    decide(world, newer, OUTCOMES)
    assert set(Initiative.objects.values_list("decision__published__version", flat=True)) == {
        newer.pk
    }
    assert Initiative.objects.count() == 3


def test_moving_decisions_with_assessments_to_another_version_is_refused(world):
    from raaderum.followup.actions import FollowUpInUse

    adopt(world)
    assess(world, "BU-01", 2027, 1_000_000)
    newer = do_publish_catalog(world.round, user=world.budget_officer)
    with pytest.raises(FollowUpInUse, match="BU-01"):
        decide(world, newer, OUTCOMES)


def test_the_command_backfills_missing_initiatives_once(world):
    adopt(world)
    Initiative.objects.filter(decision__published__code="SU-01").delete()
    out = StringIO()
    call_command("create_initiatives", stdout=out)
    assert out.getvalue() == "1 initiative(s) created.\n"
    assert initiative("SU-01").expected["2029"] == 900_000
    call_command("create_initiatives", "--municipality", "norddjurs", stdout=out)
    assert out.getvalue().endswith("0 initiative(s) created.\n")
    assert Initiative.objects.count() == 3
