from django.urls import reverse

from raaderum.organisation.models import GlossaryTerm
from raaderum.test import create_proposal


def test_readability_feedback_while_typing(client, world):
    GlossaryTerm.objects.create(
        municipality=world.municipality, term="mindreudgift", plain="besparelse"
    )
    client.force_login(world.owner)
    response = client.post(
        reverse("readability", args=[world.round.public_id]),
        {"field": "summary", "summary": "Vi lukker en skole. Det giver en mindreudgift."},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    # 8 words / 2 sentences + 100 × 1 long word (mindreudgift) / 8 words = 4 + 12,5 -> 17
    assert "LIX 17: meget let." in html
    assert "“mindreudgift” er fagsprog: skriv fx “besparelse”." in html
    assert "<html" not in html


def test_readability_of_another_municipality_is_404(client, world):
    client.force_login(world.outsider)
    response = client.post(
        reverse("readability", args=[world.round.public_id]), {"field": "summary"}
    )
    assert response.status_code == 404


def test_the_proposal_page_marks_jargon_with_the_plain_word(client, world):
    GlossaryTerm.objects.create(
        municipality=world.municipality, term="P/L", plain="pris- og lønniveau"
    )
    proposal = create_proposal(
        world.round, world.children, world.owner, summary="Beløb i 2027-P/L <b>fed</b>."
    )
    client.force_login(world.reader)
    html = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    marked = (
        '<mark class="term">P/L</mark><span class="term-plain"> (klart ord: pris- og lønniveau)'
    )
    assert marked in html
    assert "&lt;b&gt;fed&lt;/b&gt;" in html  # the text itself is escaped


def test_the_form_shows_readability_of_what_is_written(client, world):
    proposal = create_proposal(
        world.round, world.children, world.owner, summary="Vi lukker en skole."
    )
    client.force_login(world.owner)
    html = client.get(reverse("proposal_edit", args=[proposal.public_id])).content.decode()
    assert 'id="summary-readability"' in html and "LIX 4: meget let." in html
    assert 'hx-trigger="keyup changed delay:700ms"' in html


def test_the_budget_office_keeps_the_glossary(client, world):
    url = reverse("glossary", args=[world.municipality.slug])
    client.force_login(world.budget_officer)
    assert (
        client.post(url, {"add": "1", "term": "DUT", "plain": "statens kompensation"}).status_code
        == 302
    )
    response = client.post(url, {"add": "1", "term": "dut", "plain": "x"})
    assert "Udtrykket står allerede i ordlisten." in response.content.decode()
    term = GlossaryTerm.objects.get()
    client.post(url, {"delete": term.pk})
    assert not GlossaryTerm.objects.exists()


def test_only_the_budget_office_keeps_the_glossary(client, world):
    url = reverse("glossary", args=[world.municipality.slug])
    client.force_login(world.owner)
    assert client.get(url).status_code == 403
    client.force_login(world.outsider)
    assert client.post(url, {"add": "1", "term": "x", "plain": "y"}).status_code == 404
    assert not GlossaryTerm.objects.exists()
