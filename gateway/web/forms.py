"""The desk's forms: Flask-WTF's, with WTForms' own messages ("This field is required.") in
the desk's language (WTForms ships no Indonesian)."""

from __future__ import annotations

from flask_wtf import FlaskForm

from gateway.i18n.wtforms_id import MESSAGES


class _Indonesian:
    """WTForms' translations interface, from the catalog (English message -> Indonesian)."""

    def gettext(self, string: str) -> str:
        """The message in Indonesian (as it is when the catalog lacks it)."""
        return MESSAGES.get(string, string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural message in Indonesian."""
        return self.gettext(singular if n == 1 else plural)


class DeskForm(FlaskForm):
    """A desk form: CSRF-protected, its validation messages in Indonesian."""

    class Meta:
        def get_translations(self, form):
            return _Indonesian()
