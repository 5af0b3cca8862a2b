"""Names from the identity provider at their edges, and the role map's messages. Pure."""

import base64

import pytest

from raaderum.sso import mapping
from raaderum.sso.mapping import Profile

GIVEN = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"


def test_a_given_name_alone_is_the_first_name_and_the_full_name_is_not_used() -> None:
    claims = {"sub": "abc", "given_name": "Anna", "name": "Anna Berg Hansen"}
    assert mapping.oidc_profile(claims, "preferred_username") == Profile("abc", "Anna", "", "")
    attributes = {GIVEN: ["Anna"], "displayName": ["Anna Berg Hansen"]}
    assert mapping.saml_profile(attributes, "nameid", "") == Profile("nameid", "Anna", "", "")


@pytest.mark.parametrize(
    ("full_name", "first", "last"),
    [
        ("Anna Berg Hansen", "Anna Berg", "Hansen"),  # the last word is the surname
        ("Cher", "Cher", ""),
        ("", "", ""),
    ],
)
def test_a_full_name_is_split_at_its_last_space(full_name: str, first: str, last: str) -> None:
    saml = mapping.saml_profile({"displayName": [full_name]}, "nameid", "")
    assert (saml.first_name, saml.last_name) == (first, last)
    oidc = mapping.oidc_profile({"sub": "abc", "name": full_name}, "preferred_username")
    assert (oidc.first_name, oidc.last_name) == (first, last)


def test_names_are_cut_to_the_150_characters_a_user_can_hold() -> None:
    first, last = "A" * 151, "B" * 151
    oidc = mapping.oidc_profile({"sub": "x", "given_name": first, "family_name": last}, "sub")
    saml = mapping.saml_profile({"givenName": first, "sn": last}, "x", "")
    for profile in (oidc, saml):
        assert (profile.first_name, profile.last_name) == ("A" * 150, "B" * 150)


def test_without_a_username_attribute_the_name_id_is_the_user_name() -> None:
    assert mapping.saml_profile({"": ["ignored"]}, " bente@kommune.dk ", "").username == (
        "bente@kommune.dk"
    )


def test_an_unknown_role_is_named_with_the_roles_to_choose_from() -> None:
    with pytest.raises(mapping.RoleMapError) as refused:
        mapping.parse_role_map("raaderum-oekonomi=707:budget:office")
    assert str(refused.value) == (
        "unknown role 'budget:office' in 'raaderum-oekonomi=707:budget:office'; use one of "
        "budget_office, director, owner, contributor, politician, reader"
    )


def privileges(body: str) -> str:
    xml = (
        '<PrivilegeList xmlns="http://itst.dk/oiosaml/basic_privilege_profile">'
        f"{body}</PrivilegeList>"
    )
    return base64.b64encode(xml.encode()).decode()


def test_an_empty_privilege_is_no_group() -> None:
    value = privileges(
        '<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189765">'
        "<Privilege>  </Privilege><Privilege/><Privilege>urn:raaderum:budget</Privilege>"
        "</PrivilegeGroup>"
    )
    assert mapping.privileges_from_oiosaml(value) == [
        "urn:raaderum:budget",
        "urn:raaderum:budget@29189765",
    ]


def test_a_value_with_characters_outside_base64_is_a_plain_group_name() -> None:
    value = privileges(
        "<PrivilegeGroup><Privilege>urn:raaderum:budget</Privilege></PrivilegeGroup>"
    )
    assert mapping.expand_groups([value]) == ["urn:raaderum:budget"]
    damaged = value[:20] + "*" + value[20:]  # a lenient decoder would skip the "*"
    assert mapping.privileges_from_oiosaml(damaged) == []
    assert mapping.expand_groups([damaged]) == [damaged]
