"""Which person at an identity provider is which Råderum user."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.organisation.models import User


class Provider(models.TextChoices):
    OIDC = "oidc", "OpenID Connect"
    SAML = "saml", "SAML 2.0"


class SsoIdentity(models.Model):
    """A user who logs in through single sign-on. Their memberships follow the identity
    provider's groups at every login (raaderum/sso/actions.py)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="sso_identities", verbose_name=_("user")
    )
    provider = models.CharField(_("protocol"), max_length=4, choices=Provider.choices)
    issuer = models.CharField(
        _("identity provider"), max_length=300, help_text=_("OIDC issuer or SAML entity ID.")
    )
    subject = models.CharField(
        _("subject"), max_length=500, help_text=_("The provider's lasting ID of the person.")
    )
    groups = models.TextField(_("groups at the last login"), blank=True)
    created_at = models.DateTimeField(_("first login"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("last login"))

    class Meta:
        verbose_name = _("single sign-on identity")
        verbose_name_plural = _("single sign-on identities")
        ordering = ["user__username"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="one_user_per_sso_subject")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_provider_display()})"
