"""USSD menu 3 "Laporan anak": a caregiver answers each child's check-in, one digit a question."""

from __future__ import annotations

from gateway import checkins
from gateway.flows.screens import Branch, Choice, End, Menu, Pick, State
from gateway.models import Checkin


def _waiting(state: State) -> list[Checkin]:
    return checkins.pending(state.phone)


def any_waiting(state: State) -> str:
    """The list of children whose check-in is open, or word that none is."""
    return "kabar.pick" if _waiting(state) else "kabar.none"


def child_names(state: State) -> list[str]:
    """The children waiting, by name (the PIN was asked before this screen)."""
    return [c.child.name for c in _waiting(state)]


def choose_child(state: State, index: int) -> None:
    """Answer for this child's check-in."""
    state.data["kabar"] = {"checkin": _waiting(state)[index].id}


def keep(question: str):
    """An action that keeps the digit typed for one question."""

    def keep_digit(state: State, answer: str) -> None:
        state.data["kabar"][question] = int(answer)

    return keep_digit


def save(state: State, answer: str) -> None:
    """The last answer: store the check-in (once) and let red flags raise their alerts."""
    kabar = state.data.pop("kabar")
    checkin = Checkin.get_or_none(Checkin.id == kabar.pop("checkin"))
    if checkin is not None:  # answered meanwhile by SMS: record_answer keeps the first
        problem = int(answer) - 1  # menu 1-8 is code 0-7: "0" is "back" on every screen
        checkins.record_answer(checkin, {**kabar, "problem": problem}, "ussd")


def _yes_no(question: str, goto: str) -> Menu:
    return Menu(
        f"kabar.{question}",
        (
            Choice("answer.yes", goto, keep(question), number="1"),
            Choice("answer.no", goto, keep(question), number="2"),
        ),
    )


SCREENS = {
    "kabar": Branch(any_waiting, ("kabar.pick", "kabar.none")),
    "kabar.none": End("kabar.none"),
    "kabar.pick": Pick("kabar.pick", child_names, "kabar.school", choose_child),
    "kabar.school": _yes_no("school", "kabar.health"),
    "kabar.health": _yes_no("health", "kabar.mood"),
    "kabar.mood": _yes_no("mood", "kabar.contact"),
    "kabar.contact": _yes_no("contact", "kabar.problem"),
    "kabar.problem": Menu(
        "kabar.problem",
        tuple(Choice(f"problem.{code}", "kabar.done", save) for code in checkins.PROBLEMS),
    ),
    "kabar.done": End("kabar.done"),
}
