from django import template
from django.utils.safestring import SafeString

from raaderum.proposals import plain_language

register = template.Library()


@register.filter
def with_terms(text: str, glossary: dict[str, str] | None) -> SafeString:
    return plain_language.with_terms(text or "", glossary or {})
