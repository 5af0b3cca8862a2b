from datetime import UTC, datetime, timedelta

import time_machine
from django.template import Context, Template
from django.urls import reverse

from raaderum.communication.actions import do_record_event
from raaderum.communication.models import Event
from raaderum.test import create_proposal


def activity_url(world):
    return reverse("round_activity", args=[world.round.public_id])


def test_the_feed_shows_time_actor_text_and_proposal_newest_first(client, world):
    proposal = create_proposal(world.round, world.children, world.owner)
    with time_machine.travel(datetime(2027, 2, 1, 9, 0, tzinfo=UTC), tick=False):
        do_record_event(
            world.round,
            actor=world.owner,
            verb="submit",
            text="Ole Testesen sendte BU-01 til kvalitetstjek.",
            proposal=proposal,
        )
    with time_machine.travel(datetime(2027, 2, 3, 14, 45, tzinfo=UTC), tick=False):
        do_record_event(
            world.round,
            actor=world.budget_officer,
            verb="sign_off",
            text="Bente Testesen godkendte beregningen af BU-01.",
            proposal=proposal,
        )
        do_record_event(world.round, actor=None, verb="plan", text="Procesplanen er ændret.")
    do_record_event(world.other_round, actor=world.outsider, verb="x", text="Hemmeligt i Syddjurs")
    client.force_login(world.reader)
    response = client.get(activity_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aktivitet – Budget 2027–2030" in html
    assert "3 hændelser." in html
    submitted = html.index("Ole Testesen sendte BU-01 til kvalitetstjek.")
    signed_off = html.index("Bente Testesen godkendte beregningen af BU-01.")
    assert signed_off < submitted  # newest first
    assert "1. februar 2027 10:00" in html and "3. februar 2027 15:45" in html
    assert "<td>Bente Testesen</td>" in html
    assert f'<a href="/proposals/{proposal.public_id}/">BU-01</a>' in html
    assert "Procesplanen er ændret." in html
    assert "Hemmeligt i Syddjurs" not in html


def test_the_feed_can_show_one_proposal(client, world):
    first = create_proposal(world.round, world.children, world.owner, title="Færre vikarer")
    second = create_proposal(world.round, world.social, world.owner, title="Hjemmepleje")
    do_record_event(world.round, actor=world.owner, verb="a", text="Om BU-01", proposal=first)
    do_record_event(world.round, actor=world.owner, verb="b", text="Om SU-01", proposal=second)
    client.force_login(world.director)
    html = client.get(activity_url(world), {"proposal": "SU-01"}).content.decode()
    assert "Om SU-01" in html and "Om BU-01" not in html
    assert '<option value="SU-01" selected>SU-01 Hjemmepleje</option>' in html
    # An unknown code shows everything rather than failing.
    html = client.get(activity_url(world), {"proposal": "XX-99"}).content.decode()
    assert "Om SU-01" in html and "Om BU-01" in html


def test_the_feed_has_50_events_a_page_in_a_fixed_number_of_queries(
    client, world, django_assert_num_queries
):
    proposal = create_proposal(world.round, world.children, world.owner)
    start = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)
    for n in range(51):
        with time_machine.travel(start + timedelta(minutes=n), tick=False):
            do_record_event(
                world.round, actor=world.owner, verb="x", text=f"Hændelse {n}.", proposal=proposal
            )
    client.force_login(world.owner)
    client.get(activity_url(world))  # warm the session
    # session, user, round, membership, proposals for the filter, count, events
    with django_assert_num_queries(7):
        response = client.get(activity_url(world))
    html = response.content.decode()
    assert len(response.context["page"].object_list) == 50
    assert "Hændelse 50." in html and "Hændelse 1." in html and "Hændelse 0." not in html
    assert 'aria-label="Side 2"' in html and "page=2" in html
    html = client.get(activity_url(world), {"page": "2"}).content.decode()
    assert "Hændelse 0." in html and "Hændelse 1." not in html
    # A page number out of range or not a number shows a page rather than failing.
    assert client.get(activity_url(world), {"page": "x"}).status_code == 200
    assert client.get(activity_url(world), {"page": "99"}).status_code == 200


def test_pages_keep_the_proposal_filter(client, world):
    proposal = create_proposal(world.round, world.children, world.owner)
    for n in range(51):
        do_record_event(world.round, actor=None, verb="x", text=f"H{n}", proposal=proposal)
    client.force_login(world.owner)
    html = client.get(activity_url(world), {"proposal": "BU-01"}).content.decode()
    assert "?proposal=BU-01&amp;page=2" in html


def test_an_empty_feed_says_so(client, world):
    client.force_login(world.owner)
    assert "Der er ikke sket noget endnu." in client.get(activity_url(world)).content.decode()


def test_htmx_gets_only_the_result(client, world):
    do_record_event(world.round, actor=world.owner, verb="x", text="Noget skete.")
    client.force_login(world.owner)
    response = client.get(
        activity_url(world), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="activity-result"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="activity-result">')
    assert "Noget skete." in html and "<html" not in html


def test_who_may_see_the_feed(client, world):
    url = activity_url(world)
    for role, user in world.personas().items():
        client.force_login(user)
        expected = 403 if role == "politician" else 200
        assert client.get(url).status_code == expected, role
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url)["Location"].startswith(reverse("login"))


def render_recent(world, user):
    return Template("{% load communication %}{% recent_activity round %}").render(
        Context({"round": world.round, "user": user})
    )


def test_the_round_page_snippet_shows_the_latest_five(world):
    for n in range(7):
        do_record_event(world.round, actor=world.owner, verb="x", text=f"Hændelse nr. {n}.")
    html = render_recent(world, world.director)
    assert "Seneste aktivitet" in html
    assert "Hændelse nr. 6." in html and "Hændelse nr. 2." in html
    assert "Hændelse nr. 1." not in html
    assert reverse("round_activity", args=[world.round.public_id]) in html
    assert Event.objects.count() == 7


def test_the_round_page_snippet_is_empty_for_politicians(world):
    do_record_event(world.round, actor=world.owner, verb="x", text="Internt.")
    assert render_recent(world, world.politician).strip() == ""
