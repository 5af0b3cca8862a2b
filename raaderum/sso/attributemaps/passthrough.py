"""pysaml2 reads attribute maps from this folder. This one is for a name format nobody sends, so
every real attribute keeps the name the identity provider gives it: the names
SAML_GROUPS_ATTRIBUTE and SAML_USERNAME_ATTRIBUTE are written with (raaderum/sso/saml.py)."""

MAP = {"identifier": "urn:raaderum:attrname-format:passthrough", "fro": {}, "to": {}}
