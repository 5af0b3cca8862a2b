"""Which address the public form's rate limit counts, with and without the reverse proxy."""

import pytest
from django.test import RequestFactory, override_settings

from raaderum.ideas import spam

PROXY = ("HTTP_X_FORWARDED_PROTO", "https")


def request(remote="10.0.0.1", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **meta)


@override_settings(SECURE_PROXY_SSL_HEADER=None)
def test_without_the_proxy_it_counts_remote_addr_and_ignores_forwarded_for():
    assert spam.client_address(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@override_settings(SECURE_PROXY_SSL_HEADER=PROXY)
@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("198.51.100.1", "198.51.100.1"),
        # the left-most addresses are the client's own claims; the proxy appended the last one
        ("1.2.3.4, 5.6.7.8, 198.51.100.1", "198.51.100.1"),
        ("1.2.3.4,198.51.100.2 ", "198.51.100.2"),
        (None, "10.0.0.1"),  # no header: the proxy's address is all there is
        ("", "10.0.0.1"),
        ("1.2.3.4, not-an-address", "10.0.0.1"),
    ],
)
def test_behind_the_proxy_it_counts_the_address_the_proxy_appended(forwarded, expected):
    assert spam.client_address(request("10.0.0.1", forwarded)) == expected


@override_settings(SECURE_PROXY_SSL_HEADER=PROXY)
def test_citizens_behind_one_proxy_do_not_share_a_limit():
    for _ in range(spam.PUBLIC_IDEA_LIMIT):
        assert spam.allow_public_post(spam.client_address(request(forwarded="198.51.100.1")))
    assert not spam.allow_public_post(spam.client_address(request(forwarded="198.51.100.1")))
    assert spam.allow_public_post(spam.client_address(request(forwarded="198.51.100.2")))


@pytest.mark.parametrize("proxy", [None, PROXY])
def test_ipv6_addresses_count_per_64_prefix(proxy):
    with override_settings(SECURE_PROXY_SSL_HEADER=proxy):
        if proxy:
            first = request(forwarded="2001:db8:1:2::1")
            second = request(forwarded="2001:db8:1:2:ffff:ffff:ffff:ffff")
            other = request(forwarded="2001:db8:1:3::1")
        else:
            first = request("2001:db8:1:2::1")
            second = request("2001:db8:1:2:ffff:ffff:ffff:ffff")
            other = request("2001:db8:1:3::1")
        assert spam.client_address(first) == "2001:db8:1:2::/64"
        assert spam.client_address(second) == spam.client_address(first)
        assert spam.client_address(other) == "2001:db8:1:3::/64"


def test_an_ipv4_mapped_address_counts_as_ipv4():
    assert spam.client_address(request("::ffff:192.0.2.1")) == "192.0.2.1"
