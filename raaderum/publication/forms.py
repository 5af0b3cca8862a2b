from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raaderum.confidentiality.forms import VersionVisibilityForm
from raaderum.confidentiality.models import Visibility
from raaderum.lib.forms import UNIT_CHOICES
from raaderum.publication import imports


class PublishForm(VersionVisibilityForm):
    """The note with the version, and who may read it (confidential to the politicians unless
    the budget office chooses otherwise)."""

    field_order = ["note", "visibility", "release_date"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"visibility": Visibility.CONFIDENTIAL})
        super().__init__(*args, **kwargs)
        # Left out (an older form, a script): confidential, as every version was before.
        self.fields["visibility"].required = False

    def clean(self) -> dict[str, Any]:
        if not self.cleaned_data.get("visibility") and "visibility" not in self.errors:
            self.cleaned_data["visibility"] = Visibility.CONFIDENTIAL
        return super().clean()

    note = forms.CharField(
        label=_("Note to the politicians"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. what changed since the last version. Shown with the version."),
    )


class ImportForm(forms.Form):
    """An Excel file made from the template; all proposals are created, or none."""

    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        help_text=_("Made from the template, at most 5 MB."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
    unit = forms.ChoiceField(
        label=_("The amounts in the file are in"),
        choices=UNIT_CHOICES,
        widget=forms.RadioSelect,
    )
    sign = forms.ChoiceField(
        label=_("The sign of the amounts in the file"),
        choices=[
            (
                imports.ACCOUNTS_SIGN,
                _("As in the accounts: negative frees money (mindreudgift), positive costs"),
            ),
            (
                imports.CATALOG_SIGN,
                _("As in the catalog: positive is råderum (frees money), negative costs"),
            ),
        ],
        widget=forms.RadioSelect,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                _("Upload an Excel workbook (.xlsx) made from the template."), code="file_type"
            )
        if upload.size > imports.MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("The file is larger than 5 MB. Split it into smaller files."), code="file_size"
            )
        return upload
