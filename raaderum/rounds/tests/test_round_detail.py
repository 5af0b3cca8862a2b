from django.urls import reverse

from raaderum.test import create_proposal


def test_round_page_shows_target_and_totals(client, world):
    create_proposal(
        world.round,
        world.children,
        world.owner,
        effects={(world.schools, year): -12_345_678 for year in range(2027, 2031)},
    )
    client.force_login(world.director)
    response = client.get(reverse("round_detail", args=[world.round.public_id]))
    html = response.content.decode()
    assert "Målet er 30,0 mio. kr. om året fuldt indfriet fra 2028" in html
    assert "12.346" in html and "17.654" in html  # råderum and what is missing, in t.kr.
    counts = {value: count for value, _label, count in response.context["dashboard"].counts}
    assert counts["draft"] == 1 and sum(counts.values()) == 1


def test_politicians_see_the_round_but_not_the_drafts(client, world):
    create_proposal(world.round, world.children, world.owner, title="Hemmeligt udkast")
    client.force_login(world.politician)
    response = client.get(reverse("round_detail", args=[world.round.public_id]))
    html = response.content.decode()
    assert "Budget 2027–2030" in html
    assert "Hemmeligt udkast" not in html
    assert response.context["catalog"] is None and response.context["dashboard"] is None
    assert "Råderum sammenholdt med målet" not in html
    assert "Åbn kataloget" not in html


def test_another_municipality_gets_404(client, world):
    client.force_login(world.outsider)
    assert client.get(reverse("round_detail", args=[world.round.public_id])).status_code == 404
