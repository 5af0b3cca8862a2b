from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from raaderum.communication.models import Comment, NotificationMode, NotificationSetting


class CommentForm(forms.ModelForm):
    # The prefix keeps the field's id unique on the proposal page; htmx gives focus back to the
    # element with the same id after it swaps the thread.
    prefix = "comment"

    class Meta:
        model = Comment
        fields = ["text"]
        labels = {"text": _("Your comment")}
        help_texts = {
            "text": _(
                "The proposal's owner, director and contributors are told by e-mail. "
                "At most 5,000 characters."
            )
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "text": {
                "required": _("Write a comment before you send it."),
                "max_length": _(
                    "A comment can be at most 5,000 characters; yours has %(show_value)d. "
                    "Shorten it or split it in two."
                ),
            }
        }


class NotificationSettingForm(forms.ModelForm):
    mode = forms.ChoiceField(
        choices=NotificationMode.choices,
        widget=forms.RadioSelect,
        label=_("How do you want e-mails from Råderum?"),
        error_messages={
            "required": _("Choose how you want e-mails."),
            "invalid_choice": _("Choose one of the options."),
        },
    )

    class Meta:
        model = NotificationSetting
        fields = ["mode"]
