from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raaderum.transparency.models import RoundPublicity


class PublicityForm(forms.ModelForm):
    class Meta:
        model = RoundPublicity
        fields = ["public", "show_realisation"]

    def __init__(self, *args: Any, has_agreement: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_agreement = has_agreement

    def clean_public(self) -> bool:
        public: bool = self.cleaned_data["public"]
        if public and not self.has_agreement:
            raise forms.ValidationError(
                _(
                    "The round can be made public once its budget agreement is recorded: "
                    "the public page shows the adopted proposals."
                )
            )
        return public
