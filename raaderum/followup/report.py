"""The political follow-up report as PDF, for the council or one committee.

Made from the same Overview object as the overview page, so its totals are the page's to the
krone. Rendered within the request with raaderum.publication.pdf's local-only WeasyPrint setup:
a municipality's ~100 initiatives take a couple of seconds (see docs/user-guide.md).
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raaderum.followup.overview import Overview
from raaderum.organisation.models import Municipality
from raaderum.publication.pdf import render_pdf


def report_html(municipality: Municipality, overview: Overview) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "followup/report_pdf.html",
            {
                "municipality": municipality,
                "overview": overview,
                "made": timezone.localtime(),
            },
        )


def render_report(municipality: Municipality, overview: Overview) -> bytes:
    content, _pages = render_pdf(report_html(municipality, overview))
    return content


def report_filename(overview: Overview) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        parts = [_("follow-up")]
        if overview.committee is not None:
            parts.append(overview.committee.code)
        if overview.round is not None:
            parts.append(str(overview.round.budget_year))
        parts.append(timezone.localdate().isoformat())
    danish = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
    return slugify("-".join(parts).translate(danish)) + ".pdf"
