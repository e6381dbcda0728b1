"""The officer's USSD menu: after their PIN, the open cases; one opened in full (as INFO gives
it, and logged), acknowledged, or closed with a note."""

from __future__ import annotations

from gateway import case_lists, cases, pins
from gateway.flows.screens import (
    Branch,
    Choice,
    End,
    Input,
    InvalidAnswerError,
    Menu,
    Pick,
    SessionEndError,
    State,
)
from gateway.statuses import AlertState


def _officer(state: State):
    return cases.officer_on(state.phone)


def load_cases(state: State, _answer: str) -> None:
    """The officer's open cases (references, categories, villages: no personal data)."""
    state.data["cases_text"] = case_lists.cases_text(_officer(state), state.lang, by_sms=False)


def pin_gate(state: State) -> str:
    """The officer's PIN once per session before any case is opened; no PIN: the admin sets it."""
    if state.data.get("officer_ok"):
        return "officer.case_list"
    return "officer.pin" if _officer(state).pin_hash else "officer.no_pin"


def officer_pin(state: State, answer: str) -> bool:
    """The officer's own PIN; three wrong ones lock for 15 minutes, as by SMS."""
    officer = _officer(state)
    try:
        if officer is not None and pins.check_pin(officer, answer.strip()):
            return True
    except pins.PinLockedError:
        raise SessionEndError("session.locked") from None
    raise InvalidAnswerError("answer.wrong_pin")


def unlock(state: State, _ok: bool) -> None:
    """The PIN was right: the cases may be opened in this session."""
    state.data["officer_ok"] = True


def any_cases(state: State) -> str:
    """The list of open cases, or word that there is none."""
    state.data["officer_cases"] = [
        [alert.ref, case_lists.case_line(alert, state.lang)]
        for alert in case_lists.open_for(_officer(state))
    ]
    return "officer.case_pick" if state.data["officer_cases"] else "officer.none"


def case_lines(state: State) -> list[str]:
    """One line per open case: reference, category, village."""
    return [line for _, line in state.data["officer_cases"]]


def open_case(state: State, index: int) -> None:
    """The case picked, in full, one sentence a line (the screens page it)."""
    ref = state.data["officer_cases"][index][0]
    alert = cases.find(_officer(state), ref)
    state.data["case_ref"], state.data["case_state"] = ref, alert.state
    state.data["case_text"] = cases.view(_officer(state), alert, state.lang).replace(". ", ".\n")


def note(_state: State, answer: str) -> str:
    """A closing note: a few words at least."""
    cleaned = " ".join(answer.split())
    if not cases.closing_note_enough(cleaned):
        raise InvalidAnswerError("answer.note_short")
    return cleaned


def _take(state: State, case_state: AlertState, text: str) -> None:
    officer = _officer(state)
    alert = cases.find(officer, state.data["case_ref"])
    state.data["acted_text"] = cases.act(officer, alert, case_state, text, state.lang)


def not_acknowledged(state: State) -> bool:
    """Whether the case opened still waits for someone to take it (OK is offered then)."""
    return state.data.get("case_state") != AlertState.ACKNOWLEDGED.value


def acknowledge(state: State, _answer: str) -> None:
    """OK: the officer has the case; it will not escalate."""
    _take(state, AlertState.ACKNOWLEDGED, "")


def close(state: State, text: str) -> None:
    """SELESAI with the note typed."""
    _take(state, AlertState.CLOSED, text)


SCREENS = {
    "officer.home": Menu(
        "officer.title",
        (
            # The numbers families know (2 Cek, 5 Info, 6 Bahasa) mean the same here; in order.
            Choice("officer.open_cases", "officer.cases", load_cases, number="1"),
            Choice("root.check", "cek", number="2"),
            Choice("officer.read_case", "officer.gate", number="3"),
            Choice("root.info", "info", number="5"),
            Choice("root.language", "language", number="6"),
        ),
    ),
    "officer.cases": End("officer.cases_screen"),
    "officer.gate": Branch(pin_gate, ("officer.case_list", "officer.pin", "officer.no_pin")),
    "officer.no_pin": End("officer.no_pin"),
    "officer.pin": Input("officer.pin_ask", officer_pin, "officer.case_list", unlock),
    "officer.case_list": Branch(any_cases, ("officer.case_pick", "officer.none")),
    "officer.none": End("officer.no_cases"),
    "officer.case_pick": Pick("officer.pick_case", case_lines, "officer.case", open_case),
    "officer.case": Menu(
        "officer.case_text",
        (
            # Fixed numbers: 2 closes whether or not 1 is still offered.
            Choice(
                "officer.do_acknowledge",
                "officer.acted",
                acknowledge,
                number="1",
                when=not_acknowledged,
            ),
            Choice("officer.do_close", "officer.close_note", number="2"),
        ),
    ),
    "officer.close_note": Input("officer.close_note", note, "officer.acted", close),
    "officer.acted": End("officer.acted"),
}
