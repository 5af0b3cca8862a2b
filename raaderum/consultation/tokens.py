"""Duplicates and floods on the public consultation form, without third-party services.

- Each form carries a signed one-time token (a random nonce, valid for a day). An answer stores
  the nonce's SHA-256, unique per consultation: the same form sent twice (a double click, the
  back button) is refused, not counted twice.
- After an answer the browser gets a signed cookie, scoped to the consultation's address, that
  says only "this browser has answered this consultation"; further answers from it are refused.
  We refuse rather than replace: replacing would need a cookie that points at the stored answer,
  and that link would end the answer's anonymity. A citizen who clears cookies can answer again;
  the rate limit is what bounds that (a consultation is a conversation, not a vote).
- The rate limit works as the public idea form's (raaderum.ideas.spam) but counts for each
  consultation on its own, with the consultation's limit (5 answers per address in 10 minutes
  unless the budget office raised it: a citizen meeting answers from one town-hall connection).
  It counts a salted hash (HMAC with the SECRET_KEY) of the client's address, so the address is
  never kept in clear, not even in the cache; the count expires with the limit's window.
  Nothing about the address is stored in the database.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from raaderum.consultation.models import Consultation
from raaderum.ideas import spam

TOKEN_SALT = "raaderum.consultation.form"  # noqa: S105 - a signing namespace, not a secret
COOKIE_SALT = "raaderum.consultation.answered"
FLOOD_SALT = "raaderum.consultation.flood"
TOKEN_MAX_AGE = 24 * 60 * 60  # seconds a form may stay open before it is sent


def issue_token(consultation: Consultation) -> str:
    return signing.dumps(
        {"c": str(consultation.public_id), "n": secrets.token_urlsafe(18)}, salt=TOKEN_SALT
    )


def redeem_token(consultation: Consultation, token: str) -> str | None:
    """The hash to store for a valid, unexpired token of this consultation; else None."""
    try:
        value = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(value, dict) or value.get("c") != str(consultation.public_id):
        return None
    nonce = value.get("n")
    if not isinstance(nonce, str) or not nonce:
        return None
    return hashlib.sha256(nonce.encode()).hexdigest()


def _cookie_name(consultation: Consultation) -> str:
    return f"answered_{consultation.public_id.hex[:12]}"


def _cookie_path(consultation: Consultation) -> str:
    return reverse(
        "public_consultation",
        args=[consultation.version.round.municipality.slug, consultation.public_id],
    )


def has_answered(request: HttpRequest, consultation: Consultation) -> bool:
    value = request.get_signed_cookie(_cookie_name(consultation), default=None, salt=COOKIE_SALT)
    return value == str(consultation.public_id)


def mark_answered(response: HttpResponse, consultation: Consultation) -> None:
    """Until a week after the consultation closes; then it no longer matters."""
    until = timezone.make_aware(datetime.combine(consultation.closes_on, time.max))
    max_age = max(int((until - timezone.now()).total_seconds()), 0) + 7 * 24 * 60 * 60
    response.set_signed_cookie(
        _cookie_name(consultation),
        str(consultation.public_id),
        salt=COOKIE_SALT,
        max_age=max_age,
        path=_cookie_path(consultation),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def flood_key(request: HttpRequest) -> str:
    """What the rate limit counts for: a salted hash of the client's address (or its /64)."""
    return salted_hmac(FLOOD_SALT, spam.client_address(request)).hexdigest()[:32]


def allow_answer(request: HttpRequest, consultation: Consultation) -> bool:
    return spam.allow_public_post(
        flood_key(request),
        form=f"consultation:{consultation.public_id}",
        limit=consultation.answers_per_address,
    )


RETRY_AFTER = timedelta(seconds=spam.PUBLIC_IDEA_WINDOW)
