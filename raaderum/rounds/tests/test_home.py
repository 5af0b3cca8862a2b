from django.urls import reverse


def test_home_lists_only_the_users_municipalities(client, world):
    client.force_login(world.owner)
    html = client.get(reverse("home")).content.decode()
    assert "Budget 2027–2030" in html and "Norddjurs Kommune" in html
    assert "Syddjurs" not in html
    assert "30,0 mio. kr." in html
    assert "Ny budgetrunde" not in html  # only the budget office creates rounds


def test_a_user_of_another_municipality_sees_only_their_own(client, world):
    client.force_login(world.outsider)
    html = client.get(reverse("home")).content.decode()
    assert "Syddjurs Kommune" in html
    assert "Norddjurs" not in html


def test_the_home_page_query_count_does_not_grow_with_rounds(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from raaderum.test import create_round

    client.force_login(world.owner)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("home"))
    for year in range(2028, 2038):
        create_round(
            world.municipality, name=f"Budget {year}", budget_year=year, full_effect_year=year
        )
    with CaptureQueriesContext(connection) as eleven:
        html = client.get(reverse("home")).content.decode()
    assert "Budget 2037" in html
    assert len(eleven) == len(one)
