"""Who a person is in Råderum, decided from what the identity provider says (no ORM).

`SSO_ROLE_MAP` says which group gives which role in which municipality, one entry per line or
separated by ";":

    raaderum-oekonomi=707:budget_office; raaderum-politikere=707:politician
    CN=Råderum Direktion,OU=Grupper,DC=norddjurs,DC=dk=707:director

The part after the last "=" is the municipality's three-digit number and the role, so group
names may hold "=" and "," (Active Directory's distinguished names do). Groups are compared
without regard to case or surrounding spaces. A person in several mapped groups of one
municipality gets the strongest of their roles (ROLES, strongest first); groups that are not in
the map are ignored. Lines starting with "#" are comments.

KOMBIT's context handler sends roles as an OIOSAML "basic privilege profile": a base64-encoded
XML list of privileges, each within a scope (the municipality's CVR number).
`privileges_from_oiosaml` turns one such value into plain group names: each privilege's URI, and
the URI with "@" and the CVR number, so one installation can tell municipalities apart.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException, ElementTree

# Raaderum's roles, strongest first (raaderum.organisation.models.Role; a test keeps them equal).
ROLES = ("budget_office", "director", "owner", "contributor", "politician", "reader")

PRIVILEGE_NAMESPACES = (
    "http://itst.dk/oiosaml/basic_privilege_profile",
    "http://digst.dk/oiosaml/basic_privilege_profile",
)
CVR_SCOPE = re.compile(r"^urn:dk:gov:saml:cvrNumberIdentifier:(\d{8})$")


class RoleMapError(ValueError):
    """SSO_ROLE_MAP cannot be read; the message names the entry."""


@dataclass(frozen=True)
class Grant:
    group: str  # as written in the map
    municipality_code: int
    role: str


@dataclass(frozen=True)
class Profile:
    username: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""


def parse_role_map(text: str) -> tuple[Grant, ...]:
    grants = []
    for raw in re.split(r"[;\n]", text):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        group, separator, target = entry.rpartition("=")
        code, colon, role = target.partition(":")
        code, role, group = code.strip(), role.strip(), group.strip()
        if not separator or not group or not colon:
            raise RoleMapError(f"write group=municipality number:role, not {entry!r}")
        if not re.fullmatch(r"\d{3}", code):
            raise RoleMapError(f"the municipality number must have three digits in {entry!r}")
        if role not in ROLES:
            raise RoleMapError(f"unknown role {role!r} in {entry!r}; use one of {', '.join(ROLES)}")
        grants.append(Grant(group, int(code), role))
    return tuple(grants)


def _key(group: str) -> str:
    return group.strip().casefold()


def roles_for(groups: Iterable[str], grants: Sequence[Grant]) -> dict[int, str]:
    """Municipality number -> the strongest role the groups give there."""
    held = {_key(group) for group in groups}
    roles: dict[int, str] = {}
    for grant in grants:
        if _key(grant.group) not in held:
            continue
        current = roles.get(grant.municipality_code)
        if current is None or ROLES.index(grant.role) < ROLES.index(current):
            roles[grant.municipality_code] = grant.role
    return roles


def group_values(value: object) -> list[str]:
    """A claim or attribute as a list of strings: one string, a list, or nothing."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list | tuple | set | frozenset):
        return [str(item) for item in value if item is not None and str(item).strip()]
    return [str(value)]


def _local(element: Element) -> str:
    return element.tag.rpartition("}")[2]


def privileges_from_oiosaml(value: str) -> list[str]:
    """Group names from a base64-encoded OIOSAML privilege list; [] if the value is not one."""
    try:
        xml = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError):
        return []
    try:
        root = ElementTree.fromstring(xml)
    except (ElementTree.ParseError, DefusedXmlException):  # entities are never expanded
        return []
    if _local(root) != "PrivilegeList" or root.tag.partition("}")[0][1:] not in (
        PRIVILEGE_NAMESPACES
    ):
        return []
    names = []
    for group in root:
        if _local(group) != "PrivilegeGroup":
            continue
        scope = CVR_SCOPE.match(group.get("Scope", "").strip())
        for privilege in group:
            uri = (privilege.text or "").strip()
            if _local(privilege) != "Privilege" or not uri:
                continue
            names.append(uri)
            if scope:
                names.append(f"{uri}@{scope.group(1)}")
    return names


def expand_groups(values: Iterable[str]) -> list[str]:
    """Plain group names, with OIOSAML privilege lists unpacked into theirs."""
    names = []
    for value in values:
        privileges = privileges_from_oiosaml(value) if len(value) > 40 else []
        names.extend(privileges or [value])
    return names


def _first(value: object) -> str:
    values = group_values(value)
    return values[0].strip() if values else ""


def oidc_profile(claims: Mapping[str, object], username_claim: str) -> Profile:
    """Name and e-mail from the standard OpenID Connect claims."""
    first, last = _first(claims.get("given_name")), _first(claims.get("family_name"))
    if not (first or last):
        first, _space, last = _first(claims.get("name")).rpartition(" ")
        first, last = (first, last) if first else (last, "")
    return Profile(
        username=_first(claims.get(username_claim)) or _first(claims.get("sub")),
        first_name=first[:150],
        last_name=last[:150],
        email=_first(claims.get("email")),
    )


# Attribute names ADFS, Entra ID and OIOSAML (KOMBIT) use, by what they mean.
SAML_NAMES = {
    "first_name": (
        "givenName",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
        "urn:oid:2.5.4.42",
    ),
    "last_name": (
        "sn",
        "surname",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
        "urn:oid:2.5.4.4",
    ),
    "full_name": (
        "cn",
        "displayName",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        "urn:oid:2.5.4.3",
    ),
    "email": (
        "mail",
        "email",
        "emailAddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "urn:oid:0.9.2342.19200300.100.1.3",
    ),
}


def saml_profile(
    attributes: Mapping[str, object], name_id: str, username_attribute: str
) -> Profile:
    """Name and e-mail from the usual SAML attributes; the user name from the configured
    attribute, else the NameID."""

    def find(meaning: str) -> str:
        for name in SAML_NAMES[meaning]:
            if value := _first(attributes.get(name)):
                return value
        return ""

    first, last = find("first_name"), find("last_name")
    if not (first or last):
        first, _space, last = find("full_name").rpartition(" ")
        first, last = (first, last) if first else (last, "")
    username = _first(attributes.get(username_attribute)) if username_attribute else ""
    return Profile(
        username=username or name_id.strip(),
        first_name=first[:150],
        last_name=last[:150],
        email=find("email"),
    )
