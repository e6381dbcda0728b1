"""USSD menu 2: check an agency, a job order or a job offer; a bad verdict offers menu 4's
report (gateway/flows/report.py)."""

from __future__ import annotations

from gateway.flows.screens import Branch, Choice, End, Input, InvalidAnswerError, Menu, Pick, State
from gateway.verification import check, offer, reply, service

USSD_NAME_ROOM = 60  # a registered name and its status on one line of the list


def query(_state: State, answer: str) -> str:
    """An agency name, licence number or job-order code: 2-120 characters (the longest name
    the registry holds)."""
    cleaned = " ".join(answer.split())
    if not 2 <= len(cleaned) <= 120:
        raise InvalidAnswerError("answer.bad_text")
    return cleaned


def run_check(state: State, text: str) -> None:
    """Check, log, and keep the answer (or the registered names it resembles) for the next
    screen; a bad verdict offers to report the broker, quoting the query."""
    answer, shown = service.verify(text, state.phone, "ussd", state.lang)
    state.data["cek_bad"] = answer.result is not check.Result.REGISTERED
    state.data["cek_text"] = _as_lines(shown) if state.data["cek_bad"] else shown
    state.data["cek_query"] = state.data["report_about"] = text[:40]
    forms = reply.forms_needed(answer.candidates)
    state.data["cek_choices"] = [
        [a.licence_no, reply.candidate(a, state.lang, False, forms, room=USSD_NAME_ROOM)]
        for a in answer.candidates
    ]


def has_choices(state: State) -> str:
    """Registered names resemble the one typed: let the person say which, or none."""
    if state.data.get("cek_choices"):
        return "cek.pick"
    return "cek.result_bad" if state.data.get("cek_bad") else "cek.result"


def choice_names(state: State) -> list[str]:
    """The registered names that resemble the one typed, each with its status and town."""
    return [name for _, name in state.data["cek_choices"]]


def choose_agency(state: State, index: int) -> None:
    """The one the person meant: still not found as typed; the papers must carry this name."""
    licence_no = state.data["cek_choices"][index][0]  # an id would survive no new import
    state.data["cek_text"] = _as_lines(
        service.verdict_for_choice(state.data["cek_query"], licence_no, state.lang)
    )


def choose_none(state: State, _answer: str) -> None:
    """None of the registered names: the name typed is not registered."""
    state.data["cek_text"] = _as_lines(
        service.verdict_for_choice(state.data["cek_query"], None, state.lang)
    )


def _as_lines(verdict: str) -> str:
    """A bad verdict one sentence a line, so that the screens can page it and still offer to
    report the broker (a TERDAFTAR answer ends the session on one screen instead)."""
    return verdict.replace(". ", ".\n")


def has_red_flags(state: State) -> bool:
    """Whether the job offer described shows a red flag."""
    return bool(offer.flags(state.data.get("offer", {})))


def keep_offer(key: str, value=None):
    """An action that keeps one answer about the job offer (a menu's meaning, or the answer)."""

    def keep_answer(state: State, answer) -> None:
        state.data.setdefault("offer", {})[key] = answer if value is None else value
        state.data["offer_text"] = offer.red_flags(state.data["offer"], state.lang)
        state.data["report_about"] = offer.summary(state.data["offer"], state.lang)

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
    "cek.route": Branch(has_choices, ("cek.pick", "cek.result", "cek.result_bad")),
    "cek.pick": Pick(
        "cek.pick",
        choice_names,
        "cek.result_bad",
        choose_agency,
        (Choice("cek.none", "cek.result_bad", choose_none),),
    ),
    "cek.result": End("cek.result"),
    "cek.result_bad": Menu("cek.result", (Choice("root.report", "lapor.about"),)),
    "offer.country": _menu("offer.country", "region", offer.REGIONS, "offer.job"),
    "offer.job": _menu("offer.job", "job", offer.JOBS, "offer.visa"),
    "offer.visa": _menu("offer.visa", "visa", offer.VISAS, "offer.age"),
    "offer.age": Input("offer.age", age, "offer.money", keep_offer("age")),
    "offer.money": _menu("offer.money", "money", offer.MONEY, "offer.result"),
    "offer.result": Menu(
        "offer.result", (Choice("root.report", "lapor.about", when=has_red_flags),)
    ),
}
