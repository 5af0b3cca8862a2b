from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    """The footer's accessibility statement: the municipality's own, else the installation's."""
    municipality = getattr(request, "municipality", None)
    url = getattr(municipality, "accessibility_statement_url", "") or (
        settings.ACCESSIBILITY_STATEMENT_URL
    )
    return {"accessibility_statement_url": url}
