from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """A code from the authenticator app (6 digits) or, where allowed, a backup code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": _("Enter the code.")},
    )

    def __init__(self, *args, check, wrong_message, **kwargs):
        """`check(code)` returns the device that accepted the code, or None."""
        super().__init__(*args, **kwargs)
        self.check = check
        self.wrong_message = wrong_message
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.device = self.check(code)
        if self.device is None:
            raise forms.ValidationError(self.wrong_message, code="wrong")
        return code
