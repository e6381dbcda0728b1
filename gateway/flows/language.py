"""Language choice, remembered per phone number."""

from __future__ import annotations

from gateway import contacts
from gateway.flows.screens import Choice, End, Menu, State


def _choose(lang: str):
    def choose_language(state: State, _answer: str) -> None:
        """Remember `lang` for this number and speak it from now on."""
        contacts.set_language(state.phone, lang)
        state.lang = lang

    return choose_language


SCREENS = {
    "language": Menu(
        "language.title",
        (
            Choice("language.id", "language.saved", action=_choose("id")),
            Choice("language.en", "language.saved", action=_choose("en")),
            Choice("language.jv", "language.saved", action=_choose("jv")),
        ),
    ),
    "language.saved": End("language.saved"),
}
