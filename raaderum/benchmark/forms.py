from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raaderum.benchmark.kommuner import KOMMUNER
from raaderum.benchmark.models import (
    BenchmarkSettings,
    ComparisonGroup,
    Method,
    Unit,
)
from raaderum.lib import money
from raaderum.organisation.models import Municipality, ServiceArea

MAX_FILE_SIZE = 20 * 1024 * 1024
FIRST_YEAR = 2007  # the kommuner of the 2007 reform; REGK31 starts there
SIMILAR = "similar"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file from Statistikbanken"),
        help_text=_("REGK31 or FOLK1A saved as CSV (semicolon separated), at most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Shown with the figures, e.g. where the file comes from."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("The file is larger than 20 MB. Ask Statistikbanken for fewer years."),
                code="file_size",
            )
        return upload


def parse_years(text: str, *, latest: int) -> list[int]:
    years = set()
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        if not part.strip():
            continue
        if not part.strip().isdigit() or not FIRST_YEAR <= int(part) <= latest:
            raise forms.ValidationError(
                _("Write years from %(first)s to %(last)s, e.g. 2023, 2024.")
                % {"first": FIRST_YEAR, "last": latest},
                code="invalid",
            )
        years.add(int(part))
    if not years:
        raise forms.ValidationError(_("Write at least one year."), code="required")
    if len(years) > 5:
        raise forms.ValidationError(_("At most five years at a time."), code="too_many")
    return sorted(years)


class FetchForm(forms.Form):
    years = forms.CharField(
        label=_("Years"),
        max_length=40,
        help_text=_("The accounts of a year are published in the spring of the year after."),
    )

    def clean_years(self) -> list[int]:
        return parse_years(self.cleaned_data["years"], latest=timezone.localdate().year)


class KeyFigureForm(forms.Form):
    """What the key figure page shows; read from the address, so a view can be shared."""

    group = forms.ChoiceField(label=_("Comparison group"), required=False)
    year = forms.TypedChoiceField(label=_("Accounts year"), coerce=int, required=False)
    rank = forms.IntegerField(
        label=_("Compare with the Nth cheapest"), min_value=1, max_value=98, required=False
    )
    realism = forms.IntegerField(
        label=_("Realism factor (%)"), min_value=0, max_value=100, required=False
    )
    area = forms.TypedChoiceField(label=_("Ranking for"), coerce=int, required=False)

    def __init__(
        self,
        data: Any,
        *,
        groups: list[ComparisonGroup],
        years: list[int],
        areas: list[ServiceArea],
    ) -> None:
        super().__init__(data)
        self.choice_field("group").choices = [
            (SIMILAR, _("Kommuner of similar size")),
            *[(str(group.public_id), group.name) for group in groups],
        ]
        self.choice_field("year").choices = [(year, str(year)) for year in years]
        self.choice_field("area").choices = [(area.pk, area.name) for area in areas]

    def choice_field(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field


class ComparisonGroupForm(forms.ModelForm[ComparisonGroup]):
    codes = forms.TypedMultipleChoiceField(
        label=_("Kommuner"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kommune.")},
    )

    class Meta:
        model = ComparisonGroup
        fields = ["name"]

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        codes = self.fields["codes"]
        assert isinstance(codes, forms.ChoiceField)
        by_name = sorted((name, code) for code, name in KOMMUNER.items())
        codes.choices = [
            (code, f"{name} ({code})") for name, code in by_name if code != municipality.code
        ]
        if self.instance.pk:
            self.fields["codes"].initial = self.instance.codes()

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        clash = ComparisonGroup.objects.filter(municipality=self.municipality, name=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("A group of that name exists."), code="unique")
        return name

    def save(self, commit: bool = True) -> ComparisonGroup:
        group: ComparisonGroup = super().save(commit=False)
        group.municipality = self.municipality
        group.kommuner = ",".join(str(code) for code in sorted(self.cleaned_data["codes"]))
        if commit:
            group.save()
        return group


class SettingsForm(forms.ModelForm[BenchmarkSettings]):
    """The defaults of the key figure pages, and the unit of each area."""

    class Meta:
        model = BenchmarkSettings
        fields = ["comparison_group", "rank", "realism_percent"]

    def __init__(
        self,
        *args: Any,
        areas: list[ServiceArea],
        units: dict[int, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        group_field = self.fields["comparison_group"]
        assert isinstance(group_field, forms.ModelChoiceField)
        group_field.queryset = ComparisonGroup.objects.filter(
            municipality=self.instance.municipality
        )
        group_field.empty_label = str(_("Kommuner of similar size"))
        self.areas = areas
        for area in areas:
            self.fields[f"unit_{area.pk}"] = forms.ChoiceField(
                label=area.name, choices=Unit.choices, initial=units[area.pk]
            )

    def unit_fields(self) -> list[tuple[ServiceArea, forms.BoundField]]:
        return [(area, self[f"unit_{area.pk}"]) for area in self.areas]

    def units(self) -> dict[int, str]:
        return {area.pk: self.cleaned_data[f"unit_{area.pk}"] for area in self.areas}


class PercentField(forms.CharField):
    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            text = money.format_number(value, 2)
            return text.rstrip("0").rstrip(",") if "," in text else text
        return value

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value) or ""
        try:
            parsed = money.parse_decimal(text, max_decimals=2)
        except money.AmountError as error:
            raise forms.ValidationError(
                _("Write a percentage with at most two decimals, e.g. 12,5."), code=error.code
            ) from error
        if parsed is not None and not Decimal(0) <= parsed <= Decimal(100):
            raise forms.ValidationError(_("Write a percentage from 0 to 100."), code="range")
        return parsed


class DistributionForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How is the target spread?"), choices=Method.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, areas: list[ServiceArea], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.areas = areas
        for area in areas:
            self.fields[f"exempt_{area.pk}"] = forms.BooleanField(
                label=_("Exempt %(area)s") % {"area": area.name}, required=False
            )
            self.fields[f"share_{area.pk}"] = PercentField(
                label=_("Share of %(area)s (%%)") % {"area": area.name}, required=False
            )

    def area_fields(self) -> list[tuple[ServiceArea, forms.BoundField, forms.BoundField]]:
        return [(area, self[f"exempt_{area.pk}"], self[f"share_{area.pk}"]) for area in self.areas]

    def exempt(self) -> set[int]:
        return {area.pk for area in self.areas if self.cleaned_data.get(f"exempt_{area.pk}")}

    def shares(self) -> dict[int, Decimal]:
        return {
            area.pk: self.cleaned_data.get(f"share_{area.pk}") or Decimal(0)
            for area in self.areas
            if area.pk not in self.exempt()
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if len(self.exempt()) == len(self.areas) and self.areas:
            raise forms.ValidationError(
                _("Every area is exempt: leave at least one to carry the target."), code="all"
            )
        if cleaned.get("method") == Method.MANUAL and not self.errors:
            total = sum(self.shares().values(), Decimal(0))
            if total != 100:
                raise forms.ValidationError(
                    _(
                        "The shares of the areas that are not exempt must add up to 100 %%; "
                        "they add up to %(total)s %%."
                    )
                    % {"total": money.format_number(total, 2)},
                    code="not_100",
                )
        return cleaned
