import base64

import pytest

from raaderum.organisation.models import Role
from raaderum.sso import mapping
from raaderum.sso.mapping import Grant, Profile

MAP = """
# Norddjurs
raaderum-oekonomi=707:budget_office
raaderum-laesere=707:reader; raaderum-politikere=707:politician
CN=Råderum Direktion,OU=Grupper,DC=norddjurs,DC=dk=707:director
raaderum-oekonomi=706:reader
"""


def test_the_roles_are_the_apps_roles_strongest_first() -> None:
    assert tuple(Role.values) == mapping.ROLES


def test_the_map_is_read_line_by_line_and_by_semicolon() -> None:
    assert mapping.parse_role_map(MAP) == (
        Grant("raaderum-oekonomi", 707, "budget_office"),
        Grant("raaderum-laesere", 707, "reader"),
        Grant("raaderum-politikere", 707, "politician"),
        Grant("CN=Råderum Direktion,OU=Grupper,DC=norddjurs,DC=dk", 707, "director"),
        Grant("raaderum-oekonomi", 706, "reader"),
    )


def test_an_empty_map_gives_nothing() -> None:
    assert mapping.parse_role_map("") == ()
    assert mapping.parse_role_map(" \n ; # only a comment\n") == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("raaderum-oekonomi", "write group=municipality number:role"),
        ("raaderum-oekonomi=707", "write group=municipality number:role"),
        ("=707:reader", "write group=municipality number:role"),
        ("raaderum-oekonomi=7070:reader", "three digits"),
        ("raaderum-oekonomi=norddjurs:reader", "three digits"),
        ("raaderum-oekonomi=707:økonomi", "unknown role 'økonomi'"),
        ("raaderum-oekonomi=707:Budget_office", "unknown role"),
    ],
)
def test_a_bad_entry_is_named(text: str, message: str) -> None:
    with pytest.raises(mapping.RoleMapError, match=message):
        mapping.parse_role_map(text)


GRANTS = mapping.parse_role_map(MAP)


@pytest.mark.parametrize(
    ("groups", "roles"),
    [
        ([], {}),
        (["kantineudvalget"], {}),
        (["raaderum-laesere"], {707: "reader"}),
        # The strongest role of a municipality wins, whatever the order.
        (["raaderum-laesere", "raaderum-oekonomi"], {707: "budget_office", 706: "reader"}),
        (["raaderum-politikere", "raaderum-laesere"], {707: "politician"}),
        (
            ["raaderum-laesere", "CN=Råderum Direktion,OU=Grupper,DC=norddjurs,DC=dk"],
            {707: "director"},
        ),
        # Case and surrounding spaces do not matter (Active Directory's names are case-blind).
        (["  RAADERUM-Oekonomi "], {707: "budget_office", 706: "reader"}),
        (["cn=råderum direktion,ou=grupper,dc=norddjurs,dc=dk"], {707: "director"}),
        # A group name is the whole name, never a part of it.
        (["raaderum-oekonomi-vikarer", "raaderum"], {}),
    ],
)
def test_roles_for_groups(groups: list[str], roles: dict[int, str]) -> None:
    assert mapping.roles_for(groups, GRANTS) == roles


@pytest.mark.parametrize(
    ("value", "values"),
    [
        (None, []),
        ("", []),
        ("raaderum-oekonomi", ["raaderum-oekonomi"]),
        (["a", "b", ""], ["a", "b"]),
        (("a",), ["a"]),
        (12, ["12"]),
    ],
)
def test_group_values(value: object, values: list[str]) -> None:
    assert mapping.group_values(value) == values


def privilege_list(xml_namespace: str = "http://itst.dk/oiosaml/basic_privilege_profile") -> str:
    xml = (
        f'<bpp:PrivilegeList xmlns:bpp="{xml_namespace}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189692">'
        "<Privilege>http://raaderum.dk/roles/oekonomi</Privilege>"
        "<Privilege>http://raaderum.dk/roles/laeser</Privilege>"
        "</PrivilegeGroup>"
        '<PrivilegeGroup Scope="urn:dk:kombit:orgunit:abc">'
        "<Privilege>http://raaderum.dk/roles/direktion</Privilege>"
        "</PrivilegeGroup>"
        "</bpp:PrivilegeList>"
    )
    return base64.b64encode(xml.encode()).decode()


def test_kombits_privilege_list_gives_privileges_with_and_without_cvr() -> None:
    assert mapping.privileges_from_oiosaml(privilege_list()) == [
        "http://raaderum.dk/roles/oekonomi",
        "http://raaderum.dk/roles/oekonomi@29189692",
        "http://raaderum.dk/roles/laeser",
        "http://raaderum.dk/roles/laeser@29189692",
        "http://raaderum.dk/roles/direktion",
    ]
    newer = privilege_list("http://digst.dk/oiosaml/basic_privilege_profile")
    assert len(mapping.privileges_from_oiosaml(newer)) == 5


def test_only_privileges_in_privilege_groups_count() -> None:
    xml = (
        '<PrivilegeList xmlns="http://itst.dk/oiosaml/basic_privilege_profile">'
        "<Note>x</Note>"
        "<PrivilegeGroup><Privilege> </Privilege><Note>y</Note>"
        "<Privilege>http://raaderum.dk/roles/laeser</Privilege></PrivilegeGroup>"
        "</PrivilegeList>"
    )
    value = base64.b64encode(xml.encode()).decode()
    assert mapping.privileges_from_oiosaml(value) == ["http://raaderum.dk/roles/laeser"]


@pytest.mark.parametrize(
    "value",
    [
        "raaderum-oekonomi",
        privilege_list("http://example.com/not-oiosaml"),
        "not base64 at all!",
        base64.b64encode(b"<other>xml</other>").decode(),
        base64.b64encode(b"<unclosed").decode(),
        base64.b64encode(
            b'<!DOCTYPE x [<!ENTITY e "boom">]><bpp:PrivilegeList '
            b'xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile">&e;</bpp:PrivilegeList>'
        ).decode(),
    ],
)
def test_other_values_are_no_privilege_list(value: str) -> None:
    assert mapping.privileges_from_oiosaml(value) == []


def test_expand_groups_unpacks_privilege_lists_and_keeps_plain_groups() -> None:
    assert mapping.expand_groups(["raaderum-oekonomi", privilege_list()])[:3] == [
        "raaderum-oekonomi",
        "http://raaderum.dk/roles/oekonomi",
        "http://raaderum.dk/roles/oekonomi@29189692",
    ]


@pytest.mark.parametrize(
    ("claims", "profile"),
    [
        (
            {
                "sub": "s1",
                "preferred_username": "bini@norddjurs.dk",
                "given_name": "Birgitte",
                "family_name": "Nielsen",
                "email": "bini@norddjurs.dk",
            },
            Profile("bini@norddjurs.dk", "Birgitte", "Nielsen", "bini@norddjurs.dk"),
        ),
        # Only a full name: the last word is the last name.
        (
            {"sub": "s1", "preferred_username": "kaj", "name": "Kaj Ove Sørensen"},
            Profile("kaj", "Kaj Ove", "Sørensen"),
        ),
        ({"sub": "s1", "preferred_username": "kaj", "name": "Kaj"}, Profile("kaj", "Kaj")),
        # No user name claim: the subject.
        ({"sub": "s1"}, Profile("s1")),
    ],
)
def test_oidc_profile(claims: dict[str, object], profile: Profile) -> None:
    assert mapping.oidc_profile(claims, "preferred_username") == profile


def test_oidc_profile_reads_the_configured_user_name_claim() -> None:
    claims = {"sub": "s1", "upn": "kaj@norddjurs.dk", "preferred_username": "kaj"}
    assert mapping.oidc_profile(claims, "upn").username == "kaj@norddjurs.dk"


@pytest.mark.parametrize(
    ("attributes", "username_attribute", "profile"),
    [
        (
            {
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": ["kaj@nd.dk"],
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname": ["Kaj"],
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname": ["Sørensen"],
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress": ["k@nd.dk"],
            },
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
            Profile("kaj@nd.dk", "Kaj", "Sørensen", "k@nd.dk"),
        ),
        # OIOSAML (KOMBIT): OIDs, a full name; no user name attribute: the NameID.
        (
            {"urn:oid:2.5.4.3": ["Kaj Sørensen"], "urn:oid:0.9.2342.19200300.100.1.3": ["k@nd.dk"]},
            "",
            Profile("name-id-1", "Kaj", "Sørensen", "k@nd.dk"),
        ),
        ({}, "upn", Profile("name-id-1")),
    ],
)
def test_saml_profile(
    attributes: dict[str, object], username_attribute: str, profile: Profile
) -> None:
    assert mapping.saml_profile(attributes, " name-id-1 ", username_attribute) == profile
