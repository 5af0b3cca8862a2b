"""Identity providers the tests start themselves, on this machine and without network.

OidcProvider is a small OpenID Connect provider over http.server on 127.0.0.1 (discovery,
authorize that approves the configured person at once, token with an RS256-signed ID token and
PKCE, JWKS, userinfo). SamlProvider is a SAML 2.0 identity provider made of pysaml2's own
server classes, with its own self-signed certificate; metadata goes both ways through files.
Both have knobs to misbehave: another audience, another signing key, a tampered answer.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import secrets
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def write_key_and_certificate(directory: Path, name: str) -> tuple[Path, Path]:
    """A key and a self-signed certificate for `name`, as PEM files."""
    key = new_key()
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = directory / f"{name}.key", directory / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


class OidcProvider:
    """One client, one person at a time (`claims`), everything checked as a real provider."""

    def __init__(self, client_id: str, client_secret: str) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = new_key()
        self.signing_key = self.key  # set to another key to sign with a key not in the JWKS
        self.kid = "test-key-1"
        self.claims: dict[str, Any] = {}  # the person who "logs in" at /authorize
        self.id_token_overrides: dict[str, Any] = {}  # e.g. {"aud": "someone-else"}
        self.userinfo_overrides: dict[str, Any] = {}
        self.tamper_id_token: tuple[str, str] | None = None  # changed in the payload after signing
        self.codes: dict[str, dict[str, Any]] = {}
        self.token_requests = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> OidcProvider:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        }

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return 400, {}, b"unknown client"
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "claims": dict(self.claims),
            "nonce": query.get("nonce"),
            "redirect_uri": query["redirect_uri"],
            "challenge": query.get("code_challenge"),
        }
        target = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        return 302, {"Location": target}, b""

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self.token_requests += 1
        grant = self.codes.pop(form.get("code", ""), None)  # a code works once
        if (
            grant is None
            or form.get("grant_type") != "authorization_code"
            or form.get("client_id") != self.client_id
            or form.get("client_secret") != self.client_secret
            or form.get("redirect_uri") != grant["redirect_uri"]
        ):
            return 400, {}, json.dumps({"error": "invalid_grant"}).encode()
        verifier = form.get("code_verifier", "")
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        if challenge != grant["challenge"]:
            return 400, {}, json.dumps({"error": "invalid_grant", "pkce": "mismatch"}).encode()
        now = int(time.time())
        claims = grant["claims"]
        id_token = jwt.encode(
            {
                "iss": self.issuer,
                "aud": self.client_id,
                "iat": now,
                "exp": now + 300,
                "nonce": grant["nonce"],
                **claims,
                **self.id_token_overrides,
            },
            self.signing_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            algorithm="RS256",
            headers={"kid": self.kid},
        )
        if self.tamper_id_token is not None:
            header, payload, signature = id_token.split(".")
            claims_json = base64.urlsafe_b64decode(payload + "==").decode()
            assert self.tamper_id_token[0] in claims_json
            claims_json = claims_json.replace(*self.tamper_id_token)
            payload = base64.urlsafe_b64encode(claims_json.encode()).rstrip(b"=").decode()
            id_token = f"{header}.{payload}.{signature}"
        access_token = secrets.token_urlsafe(16)
        self.codes[f"access:{access_token}"] = grant
        body = {"access_token": access_token, "token_type": "Bearer", "id_token": id_token}
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()

    def userinfo(self, authorization: str) -> tuple[int, dict[str, str], bytes]:
        grant = self.codes.get(f"access:{authorization.removeprefix('Bearer ')}")
        if grant is None:
            return 401, {}, b""
        claims = {**grant["claims"], **self.userinfo_overrides}
        return 200, {"Content-Type": "application/json"}, json.dumps(claims).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def _send(self, answer: tuple[int, dict[str, str], bytes]) -> None:
                status, headers, body = answer
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _json(self, data: dict[str, Any]) -> None:
                self._send((200, {"Content-Type": "application/json"}, json.dumps(data).encode()))

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/.well-known/openid-configuration":
                    self._json(provider.discovery())
                elif url.path == "/jwks":
                    self._json(provider.jwks())
                elif url.path == "/authorize":
                    self._send(provider.authorize(query))
                elif url.path == "/userinfo":
                    self._send(provider.userinfo(self.headers.get("Authorization", "")))
                else:
                    self._send((404, {}, b""))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if self.path == "/token":
                    self._send(provider.token(form))
                else:
                    self._send((404, {}, b""))

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


class SamlProvider:
    """A SAML identity provider (pysaml2's Server) that answers an AuthnRequest at once."""

    def __init__(
        self,
        directory: Path,
        entity_id: str = "https://idp.test/saml/metadata",
        sso_url: str = "https://idp.test/saml/sso",
        binding: str = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
    ) -> None:
        from saml2.config import IdPConfig
        from saml2.metadata import entity_descriptor

        self.directory = directory
        self.entity_id = entity_id
        self.key_file, self.cert_file = write_key_and_certificate(directory, "idp")
        self.sso_url = sso_url
        self.sp_metadata_file = directory / "sp-metadata.xml"
        self.metadata_file = directory / "idp-metadata.xml"
        self.base = {
            "entityid": entity_id,
            "xmlsec_binary": shutil.which("xmlsec1"),
            "key_file": str(self.key_file),
            "cert_file": str(self.cert_file),
            "service": {
                "idp": {
                    "endpoints": {"single_sign_on_service": [(self.sso_url, binding)]},
                    "policy": {
                        "default": {"entity_categories": [], "attribute_restrictions": None}
                    },
                    "name_id_format": ["urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"],
                }
            },
        }
        config = IdPConfig()
        config.load(dict(self.base))
        self.metadata_file.write_text(str(entity_descriptor(config)))

    def server(self) -> Any:
        """The IdP, knowing the SP from the metadata file it was given."""
        from saml2.config import IdPConfig
        from saml2.server import Server

        config = IdPConfig()
        config.load({**self.base, "metadata": {"local": [str(self.sp_metadata_file)]}})
        return Server(config=config)

    def answer(
        self,
        redirect_url: str,
        *,
        name_id: str,
        attributes: dict[str, list[str]],
        audience: str | None = None,
        signing_key: Path | None = None,
        tamper: tuple[str, str] | None = None,
    ) -> dict[str, str]:
        """The form the IdP's page would POST to the ACS, for the request in redirect_url."""
        from saml2 import BINDING_HTTP_REDIRECT
        from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID

        query = {k: v[0] for k, v in parse_qs(urlsplit(redirect_url).query).items()}
        server = self.server()
        request = server.parse_authn_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT).message
        sp_entity_id = request.issuer.text
        destination = request.assertion_consumer_service_url
        if signing_key is not None:
            server.sec.key_file = str(signing_key)
            server.config.key_file = str(signing_key)
        response = server.create_authn_response(
            identity=attributes,
            in_response_to=request.id,
            destination=destination,
            sp_entity_id=audience or sp_entity_id,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=name_id),
            authn={
                "class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
            },
            sign_assertion=True,
            sign_response=False,
        )
        xml = str(response)
        if tamper is not None:
            before, after = tamper
            assert before in xml, before
            xml = xml.replace(before, after)
        return {
            "SAMLResponse": base64.b64encode(xml.encode()).decode(),
            "RelayState": query.get("RelayState", ""),
        }


class SamlProviderPage:
    """The SAML provider behind a real address, for the browser: its login page shows who will
    be logged in and a button that posts the signed answer to Råderum, as an IdP's page does."""

    def __init__(self, directory: Path) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.provider = SamlProvider(directory, sso_url=f"{url}/saml/sso")
        self.name_id = "browser-person-1"
        self.attributes: dict[str, list[str]] = {}
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> SamlProviderPage:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def page(self, path: str) -> bytes:
        from html import escape

        from saml2 import BINDING_HTTP_REDIRECT

        form = self.provider.answer(path, name_id=self.name_id, attributes=self.attributes)
        query = {k: v[0] for k, v in parse_qs(urlsplit(path).query).items()}
        server = self.provider.server()
        request = server.parse_authn_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT).message
        fields = "".join(
            f'<input type="hidden" name="{name}" value="{escape(value)}">'
            for name, value in form.items()
        )
        return (
            '<!doctype html><html lang="da"><title>Test-IdP</title>'
            f'<form method="post" action="{escape(request.assertion_consumer_service_url)}">'
            f"{fields}<button>Godkend login</button></form></html>"
        ).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        page_server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if not self.path.startswith("/saml/sso?"):
                    self.send_response(204 if self.path == "/favicon.ico" else 404)
                    self.end_headers()
                    return
                body = page_server.page(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
