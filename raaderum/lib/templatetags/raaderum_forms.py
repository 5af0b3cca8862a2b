"""Render Django form widgets with the classes and ARIA links Det Fælles Designsystem expects."""

from django import forms, template
from django.forms import widgets
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def dkfds_widget(bound_field: forms.BoundField) -> SafeString:
    widget = bound_field.field.widget
    attrs: dict[str, str | bool] = {}
    if isinstance(widget, forms.CheckboxInput):
        attrs["class"] = "form-checkbox"
    elif isinstance(widget, forms.Select):
        attrs["class"] = "form-select"
    elif isinstance(widget, forms.Textarea) or (
        isinstance(widget, widgets.Input)
        and widget.input_type not in {"checkbox", "radio", "hidden"}
    ):
        attrs["class"] = "form-input"
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)


@register.filter
def lookup_field(form: forms.Form, name: str) -> forms.BoundField:
    """form[name] for a field whose name is computed in the template."""
    return form[name]
