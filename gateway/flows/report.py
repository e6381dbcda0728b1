"""USSD menu 4: report a broker (calo) in a few words; after a bad verdict, about what was
checked. The village officer gets the case."""

from __future__ import annotations

from gateway.flows.screens import End, Input, InvalidAnswerError, State
from gateway.verification import service


def report_text(_state: State, answer: str) -> str:
    """A broker report: a few words at least."""
    cleaned = " ".join(answer.split())
    if len(cleaned) < 5:
        raise InvalidAnswerError("answer.bad_text")
    return cleaned


def file_report(state: State, text: str) -> None:
    """Store the report and alert the officer; keep the thanks with its reference."""
    state.data["lapor_text"] = service.report_broker(state.phone, text, "ussd", state.lang)


def file_report_about(state: State, text: str) -> None:
    """A report straight after a bad verdict: it quotes what was checked."""
    file_report(state, f"[{state.data['report_about']}] {text}")


SCREENS = {
    "lapor": Input("lapor.ask", report_text, "lapor.done", file_report),
    "lapor.about": Input("lapor.ask_about", report_text, "lapor.done", file_report_about),
    "lapor.done": End("lapor.done"),
}
