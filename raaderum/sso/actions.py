"""Signing a person in from what their identity provider says: user, identity and memberships.

Decisions (docs/deployment.md, "Single sign-on"):
- A person is known by the provider's lasting ID (OIDC `sub`, SAML NameID). The first time, an
  existing user with the same user name is linked (so a local user can move to SSO), except an
  administrator (superuser or staff): those are never taken over through SSO.
- Memberships of a user who logs in through SSO follow the groups at every login: roles change,
  memberships the groups no longer give are removed. A person whose groups give no role in any
  municipality is refused (and loses the memberships they had), unless they are a superuser.
- Names and e-mail are updated from the provider when it sends them.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import NoReturn

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raaderum.organisation.models import Membership, Municipality, User
from raaderum.sso import mapping
from raaderum.sso.models import SsoIdentity

logger = logging.getLogger("raaderum.sso")

NO_ROLE = "no_role"
ADMINISTRATOR = "administrator"
INACTIVE = "inactive"
TAKEN = "taken"
INVALID = "invalid"
UNAVAILABLE = "unavailable"
CANCELLED = "cancelled"
MISCONFIGURED = "misconfigured"


class SsoRefused(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def refusal_message(reason: str | None) -> str:
    """What the refused person reads, in Danish."""
    messages = {
        NO_ROLE: _(
            "You are not given access to Råderum: none of your groups at the identity provider "
            "gives a role in a municipality. Ask your municipality's IT support or budget office "
            "to put you in the right group."
        ),
        ADMINISTRATOR: _(
            "Your user name belongs to an administrator of Råderum, who cannot log in through "
            "single sign-on. Contact the installation's administrator."
        ),
        INACTIVE: _("Your user in Råderum is closed. Contact your municipality's budget office."),
        TAKEN: _(
            "Your user name is already used by another person in Råderum. Contact the "
            "installation's administrator."
        ),
        INVALID: _(
            "The answer from the identity provider could not be verified, so you were not logged "
            "in. Try again; if it happens again, contact your municipality's IT support."
        ),
        UNAVAILABLE: _(
            "The identity provider did not answer. Try again in a moment, or contact your "
            "municipality's IT support."
        ),
        MISCONFIGURED: _(
            "Single sign-on is not set up correctly, so you were not logged in. Contact the "
            "installation's administrator."
        ),
    }
    return messages.get(
        reason or "", _("The login was interrupted and you were not logged in. Try again.")
    )


@dataclass(frozen=True)
class SsoLogin:
    provider: str  # Provider value
    issuer: str
    subject: str
    profile: mapping.Profile
    groups: tuple[str, ...]


def _username(profile: mapping.Profile, subject: str) -> str:
    username = profile.username.strip() or subject
    if len(username) > 150:  # User.username's length; a long NameID becomes a stable digest
        username = "sso-" + hashlib.sha256(username.encode()).hexdigest()[:40]
    return username


def wanted_memberships(groups: tuple[str, ...]) -> dict[Municipality, str]:
    """The municipalities and roles the groups give, for municipalities that exist."""
    roles = mapping.roles_for(
        mapping.expand_groups(groups), mapping.parse_role_map(settings.SSO_ROLE_MAP)
    )
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=roles)}
    for code in sorted(set(roles) - set(municipalities)):
        logger.warning("SSO_ROLE_MAP names municipality %s, which does not exist", code)
    return {municipalities[code]: role for code, role in roles.items() if code in municipalities}


def _sync_memberships(user: User, wanted: dict[Municipality, str]) -> None:
    current = {m.municipality_id: m for m in Membership.objects.filter(user=user)}
    for municipality, role in wanted.items():
        membership = current.pop(municipality.pk, None)
        if membership is None:
            Membership.objects.create(user=user, municipality=municipality, role=role)
        elif membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
    if current:
        Membership.objects.filter(pk__in=[m.pk for m in current.values()]).delete()


def _update_profile(user: User, profile: mapping.Profile) -> None:
    changed = []
    for field in ("first_name", "last_name", "email"):
        value = getattr(profile, field)
        if value and getattr(user, field) != value:
            setattr(user, field, value)
            changed.append(field)
    if changed:
        user.save(update_fields=changed)


def do_sign_in_sso_user(login: SsoLogin) -> User:
    """The user to log in, with memberships as the groups say; SsoRefused if they get none."""
    try:
        wanted = wanted_memberships(login.groups)
    except mapping.RoleMapError as error:  # never read a broken map as "no roles for anyone"
        _refuse(login, MISCONFIGURED, f"SSO_ROLE_MAP: {error}")
    if not login.subject:
        _refuse(login, INVALID, "no subject")
    with transaction.atomic():
        identity = (
            SsoIdentity.objects.select_related("user")
            .filter(issuer=login.issuer, subject=login.subject)
            .first()
        )
        if identity is not None:
            user = identity.user
        else:
            if not wanted:  # never link or create a user the groups give nothing
                _refuse(login, NO_ROLE, "no mapped group")
            username = _username(login.profile, login.subject)
            existing = User.objects.filter(username=username).first()
            if existing is None:
                user = User(username=username)
                user.set_unusable_password()
                user.save()
            elif existing.is_superuser or existing.is_staff:
                _refuse(login, ADMINISTRATOR, f"{username} is an administrator")
            elif SsoIdentity.objects.filter(user=existing, issuer=login.issuer).exists():
                _refuse(login, TAKEN, f"{username} is linked to another subject")
            else:
                user = existing
            identity = SsoIdentity(
                user=user, provider=login.provider, issuer=login.issuer, subject=login.subject
            )
        if not user.is_active:
            _refuse(login, INACTIVE, f"{user.username} is inactive")
        identity.groups = "\n".join(login.groups)
        identity.last_login_at = timezone.now()
        identity.save()
        _update_profile(user, login.profile)
        _sync_memberships(user, wanted)
    if not wanted and not user.is_superuser:
        _refuse(login, NO_ROLE, f"{user.username}: no mapped group")
    logger.info(
        "SSO login of %s through %s: %s",
        user.username,
        login.issuer,
        ", ".join(f"{m.code}:{role}" for m, role in wanted.items()) or "no memberships",
    )
    return user


def _refuse(login: SsoLogin, reason: str, detail: str) -> NoReturn:
    logger.warning(
        "SSO login refused (%s) for %r through %s: %s; groups: %s",
        reason,
        login.profile.username or login.subject,
        login.issuer,
        detail,
        ", ".join(login.groups) or "none",
    )
    raise SsoRefused(reason, detail)
