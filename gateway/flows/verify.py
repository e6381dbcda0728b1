"""USSD menus 2 (check an agency, a job order or a job offer) and 4 (report a broker)."""

from __future__ import annotations

from gateway import clock
from gateway.flows.screens import Branch, Choice, End, Input, InvalidAnswerError, Menu, Pick, State
from gateway.models import Agency
from gateway.verification import check, offer, reply, service


def query(_state: State, answer: str) -> str:
    """An agency name, licence number or job-order code: 2-60 characters."""
    cleaned = " ".join(answer.split())
    if not 2 <= len(cleaned) <= 60:
        raise InvalidAnswerError("answer.bad_text")
    return cleaned


def report_text(_state: State, answer: str) -> str:
    """A broker report: a few words at least."""
    cleaned = " ".join(answer.split())
    if len(cleaned) < 5:
        raise InvalidAnswerError("answer.bad_text")
    return cleaned


def run_check(state: State, text: str) -> None:
    """Check, log, and keep the answer (or the agencies to choose from) for the next screen."""
    answer, shown = service.verify(text, state.phone, "ussd", state.lang)
    state.data["cek_text"] = shown
    state.data["cek_choices"] = [[a.id, a.name[:40]] for a in answer.choices]


def has_choices(state: State) -> str:
    """Several agencies fit: let the person pick one."""
    return "cek.pick" if state.data.get("cek_choices") else "cek.result"


def choice_names(state: State) -> list[str]:
    """The agencies that fit the name typed."""
    return [name for _, name in state.data["cek_choices"]]


def choose_agency(state: State, index: int) -> None:
    """The answer for the agency picked."""
    agency = Agency.get_by_id(state.data["cek_choices"][index][0])
    answer = check.check_agency(agency, clock.now().date())
    state.data["cek_text"] = reply.render(answer, state.lang, check.snapshot_date("agencies"))


def file_report(state: State, text: str) -> None:
    """Store the report and alert the officer; keep the thanks with its reference."""
    state.data["lapor_text"] = service.report_broker(state.phone, text, "ussd", state.lang)


def keep_offer(key: str, value=None):
    """An action that keeps one answer about the job offer (a menu's meaning, or the answer)."""

    def keep_answer(state: State, answer) -> None:
        state.data.setdefault("offer", {})[key] = answer if value is None else value
        state.data["offer_text"] = offer.red_flags(state.data["offer"], state.lang)

    return keep_answer


def age(_state: State, answer: str) -> int:
    """An age in years."""
    if not (answer.isdigit() and 10 <= int(answer) <= 80):
        raise InvalidAnswerError("answer.bad_age")
    return int(answer)


def _menu(title: str, key: str, options: tuple[tuple[str, str], ...], goto: str) -> Menu:
    return Menu(
        title, tuple(Choice(label, goto, keep_offer(key, value)) for label, value in options)
    )


SCREENS = {
    "cek": Menu(
        "cek.menu",
        (
            Choice("cek.by_name", "cek.ask"),
            Choice("cek.by_offer", "offer.country"),
        ),
    ),
    "cek.ask": Input("cek.ask", query, "cek.route", run_check),
    "cek.route": Branch(has_choices, ("cek.pick", "cek.result")),
    "cek.pick": Pick("cek.pick", choice_names, "cek.result", choose_agency),
    "cek.result": End("cek.result"),
    "offer.country": _menu("offer.country", "region", offer.REGIONS, "offer.job"),
    "offer.job": _menu("offer.job", "job", offer.JOBS, "offer.employer"),
    "offer.employer": _menu("offer.employer", "employer", offer.EMPLOYERS, "offer.visa"),
    "offer.visa": _menu("offer.visa", "visa", offer.VISAS, "offer.age"),
    "offer.age": Input("offer.age", age, "offer.money", keep_offer("age")),
    "offer.money": _menu("offer.money", "money", offer.MONEY, "offer.result"),
    "offer.result": Menu("offer.result"),
    "lapor": Input("lapor.ask", report_text, "lapor.done", file_report),
    "lapor.done": End("lapor.done"),
}
