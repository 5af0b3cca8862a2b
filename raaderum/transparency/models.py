"""What a round shows on the public transparency page and in the open data.

Nothing of a round is public until the budget office says so here. Only a round with a recorded
budget agreement can be made public; what is shown is the adopted proposals from the agreed
(published, frozen) catalog version, and, if chosen, their expected and approved realised gains.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.rounds.models import BudgetRound


class RoundPublicity(models.Model):
    round = models.OneToOneField(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="publicity",
        verbose_name=_("budget round"),
    )
    public = models.BooleanField(
        _("show on the public page"),
        default=False,
        help_text=_("The adopted proposals with their plain-language summaries and amounts."),
    )
    show_realisation = models.BooleanField(
        _("show realised gains"),
        default=True,
        help_text=_(
            "Expected against realised gains per year, once the budget office approved them."
        ),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("public page setting")
        verbose_name_plural = _("public page settings")

    def __str__(self) -> str:
        return str(self.round)
