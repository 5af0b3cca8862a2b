from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from raaderum.organisation.models import GlossaryTerm


class LoginForm(AuthenticationForm):
    """Django's login form with autocomplete hints for password managers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "plain"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality

    def clean_term(self):
        term = self.cleaned_data["term"].strip()
        taken = GlossaryTerm.objects.filter(
            municipality=self.instance.municipality, term__iexact=term
        )
        if taken.exists():
            raise forms.ValidationError(_("The term is already in the glossary."), code="unique")
        return term
