from datetime import UTC, datetime

import time_machine
from django.core import mail
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from raaderum.communication.actions import do_add_comment
from raaderum.communication.models import Comment, Event
from raaderum.test import create_proposal


def make_proposal(world):
    return create_proposal(
        world.round,
        world.children,
        world.owner,
        director=world.director,
        contributors=[world.contributor],
    )


def comments_url(proposal):
    return reverse("proposal_comments", args=[proposal.public_id])


def test_the_thread_shows_comments_oldest_first_with_author_and_danish_time(client, world):
    proposal = make_proposal(world)
    with time_machine.travel(datetime(2026, 11, 23, 13, 5, tzinfo=UTC), tick=False):
        do_add_comment(proposal, author=world.owner, text="Første udkast er klar.")
    with time_machine.travel(datetime(2026, 11, 24, 8, 30, tzinfo=UTC), tick=False):
        do_add_comment(proposal, author=world.budget_officer, text="Tjek lønsatserne.\nTak.")
    client.force_login(world.contributor)
    response = client.get(comments_url(proposal))
    assert response.status_code == 200
    html = response.content.decode()
    first, second = html.index("Første udkast er klar."), html.index("Tjek lønsatserne.<br>Tak.")
    assert first < second
    assert "Ole Testesen" in html and "Bente Testesen" in html
    assert "23. november 2026 14:05" in html  # Copenhagen time, Danish month
    assert "24. november 2026 09:30" in html
    assert 'action="' + comments_url(proposal) + '"' in html
    assert 'hx-post="' + comments_url(proposal) + '"' in html
    assert "Din kommentar" in html and "Tilføj kommentar" in html


def test_the_partial_needs_only_proposal_request_and_user(rf: RequestFactory, world):
    proposal = make_proposal(world)
    do_add_comment(proposal, author=world.owner, text="Vi mangler tal for 2029.")
    request = rf.get("/")
    request.user = world.reader
    html = Template('{% include "communication/_comments.html" %}').render(
        Context({"proposal": proposal, "request": request, "user": world.reader})
    )
    assert 'id="comments"' in html
    assert "Vi mangler tal for 2029." in html
    assert "<form" not in html  # a reader may read the thread but not write in it


def test_an_empty_thread_says_so(client, world):
    proposal = make_proposal(world)
    client.force_login(world.owner)
    assert "Ingen kommentarer endnu." in client.get(comments_url(proposal)).content.decode()


def test_posting_adds_the_comment_and_goes_back_to_the_proposal(client, world):
    proposal = make_proposal(world)
    client.force_login(world.contributor)
    response = client.post(comments_url(proposal), {"comment-text": "  Husk vikarudgifterne.  "})
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("proposal_detail", args=[proposal.public_id]) + "#comments"
    )
    comment = Comment.objects.get()
    assert (comment.proposal, comment.author, comment.text) == (
        proposal,
        world.contributor,
        "Husk vikarudgifterne.",
    )
    event = Event.objects.get(verb="comment")
    assert (event.round, event.proposal, event.actor) == (world.round, proposal, world.contributor)
    assert event.text == "Carl Testesen kommenterede BU-01: “Husk vikarudgifterne.”"


def test_a_new_comment_tells_owner_director_and_contributors_but_not_its_author(
    client, world, emails, site_url, django_capture_on_commit_callbacks
):
    proposal = make_proposal(world)
    client.force_login(world.contributor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(comments_url(proposal), {"comment-text": "Kan vi nå det til august?"})
    comment = Comment.objects.get()
    assert sorted(message.to[0] for message in mail.outbox) == [
        emails["dorte"],
        emails["ole"],
    ]
    message = mail.outbox[0]
    assert message.subject == "Carl Testesen har kommenteret BU-01 Færre vikarer"
    assert "Carl Testesen skrev om BU-01 Færre vikarer:\n\nKan vi nå det til august?" in (
        message.body
    )
    link = f"{site_url}/proposals/{proposal.public_id}/#comment-{comment.pk}"
    assert f"Åbn i Råderum: {link}" in message.body


def test_the_budget_office_commenting_tells_all_three(
    client, world, emails, django_capture_on_commit_callbacks
):
    proposal = make_proposal(world)
    client.force_login(world.budget_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(comments_url(proposal), {"comment-text": "Godt arbejde."})
    assert sorted(message.to[0] for message in mail.outbox) == [
        emails["carl"],
        emails["dorte"],
        emails["ole"],
    ]


def test_htmx_swaps_the_thread_and_announces_the_comment(client, world):
    proposal = make_proposal(world)
    do_add_comment(proposal, author=world.owner, text="Første kommentar.")
    client.force_login(world.director)
    response = client.post(
        comments_url(proposal), {"comment-text": "Anden kommentar."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert html.lstrip().startswith('<div id="comment-thread">')
    assert html.index("Første kommentar.") < html.index("Anden kommentar.")
    assert '<p id="comments-status" hx-swap-oob="innerHTML">Din kommentar er tilføjet.</p>' in html
    # The form is fresh for the next comment and keeps the id htmx gives focus back to.
    assert 'id="comment-submit"' in html
    assert "Anden kommentar.</textarea>" not in html
    assert Comment.objects.count() == 2


def test_an_empty_comment_is_refused_next_to_the_field(client, world):
    proposal = make_proposal(world)
    client.force_login(world.owner)
    response = client.post(comments_url(proposal), {"comment-text": "   "})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Formularen har fejl. Intet er gemt." in html
    assert 'class="form-error-message" id="id_comment-text-error"' in html
    assert "Skriv en kommentar, før du sender den." in html
    assert 'aria-invalid="true"' in html
    assert not Comment.objects.exists() and not Event.objects.exists()


def test_a_too_long_comment_is_refused_and_the_text_kept(client, world):
    proposal = make_proposal(world)
    client.force_login(world.owner)
    text = "Ø" * 5001
    response = client.post(comments_url(proposal), {"comment-text": text})
    assert response.status_code == 422
    html = response.content.decode()
    assert "En kommentar må højst være på 5.000 tegn; din har 5001." in html
    assert f">\n{text}</textarea>" in html
    assert not Comment.objects.exists()


def test_htmx_shows_the_error_in_the_thread_and_focuses_the_field(client, world):
    proposal = make_proposal(world)
    client.force_login(world.owner)
    response = client.post(comments_url(proposal), {"comment-text": ""}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200  # htmx swaps only successful answers
    html = response.content.decode()
    assert "Skriv en kommentar, før du sender den." in html
    assert "autofocus" in html
    assert "Kommentaren blev ikke tilføjet. Se beskeden ved feltet." in html
    assert not Comment.objects.exists()


def test_a_reader_sees_the_thread_but_may_not_post(client, world):
    proposal = make_proposal(world)
    client.force_login(world.reader)
    html = client.get(comments_url(proposal)).content.decode()
    assert "Tilføj kommentar" not in html
    assert client.post(comments_url(proposal), {"comment-text": "Hej"}).status_code == 403
    assert not Comment.objects.exists()


def test_a_politician_may_neither_read_nor_post(client, world):
    proposal = make_proposal(world)
    client.force_login(world.politician)
    assert client.get(comments_url(proposal)).status_code == 403
    assert client.post(comments_url(proposal), {"comment-text": "Hej"}).status_code == 403
    assert not Comment.objects.exists()


def test_another_municipality_gets_404(client, world):
    proposal = make_proposal(world)
    client.force_login(world.outsider)
    assert client.get(comments_url(proposal)).status_code == 404
    assert client.post(comments_url(proposal), {"comment-text": "Hej"}).status_code == 404
    assert not Comment.objects.exists()


def test_anonymous_users_are_sent_to_login(client, world):
    proposal = make_proposal(world)
    response = client.post(comments_url(proposal), {"comment-text": "Hej"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
