"""The one-time form token and the cookie."""

import time

import pytest
import time_machine

from raaderum.consultation import tokens

pytestmark = pytest.mark.django_db


def test_a_token_redeems_to_the_hash_of_its_nonce(consultation):
    token = tokens.issue_token(consultation)
    first = tokens.redeem_token(consultation, token)
    assert first is not None and len(first) == 64
    assert tokens.redeem_token(consultation, token) == first  # the database refuses a 2nd use
    assert tokens.redeem_token(consultation, tokens.issue_token(consultation)) != first


def test_a_tampered_or_foreign_token_is_refused(world, catalog, consultation):
    from raaderum.consultation.actions import Settings, do_open_consultation

    token = tokens.issue_token(consultation)
    assert tokens.redeem_token(consultation, token[:-2] + "xx") is None
    assert tokens.redeem_token(consultation, "") is None
    other = do_open_consultation(
        catalog.version,
        Settings("Anden", "", consultation.opens_on, consultation.closes_on, {}),
        list(catalog.version.proposals.all()),
        user=world.budget_officer,
    )
    assert tokens.redeem_token(other, token) is None


def test_a_token_expires_after_a_day(consultation):
    token = tokens.issue_token(consultation)
    with time_machine.travel(time.time() + tokens.TOKEN_MAX_AGE + 60):
        assert tokens.redeem_token(consultation, token) is None


def test_the_flood_key_is_not_the_address(rf):
    request = rf.post("/", REMOTE_ADDR="192.0.2.17")
    key = tokens.flood_key(request)
    assert "192.0.2.17" not in key and len(key) == 32
    assert key == tokens.flood_key(rf.post("/", REMOTE_ADDR="192.0.2.17"))
    assert key != tokens.flood_key(rf.post("/", REMOTE_ADDR="192.0.2.18"))
