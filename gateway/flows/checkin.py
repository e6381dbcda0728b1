"""USSD menu 3 "Laporan anak": a caregiver answers each child's check-in, one digit a question,
one child after the other, with the codes of the one table (gateway/checkin_codes.py).
Screen ids and catalog keys keep the menu's Indonesian name, "kabar": sessions in Redis and the
translators' catalogs name them so."""

from __future__ import annotations

from gateway import checkin_codes, checkins, danger
from gateway.flows.screens import Branch, Choice, End, InvalidAnswerError, Menu, Pick, State
from gateway.statuses import CheckinStatus


def _waiting(state: State) -> list:  # of Checkin rows, from the check-ins service
    """The open check-ins of the children in the care of the person who gave their PIN (a
    shared phone may hold another family's: theirs are not this person's to answer)."""
    waiting = checkins.pending(state.phone)
    person_id = state.data.get("person_id")
    if person_id is None:
        return waiting
    return [checkin for checkin in waiting if checkin.child.caregiver_id == person_id]


def _list_waiting(state: State) -> bool:
    """Keep the check-ins about to be listed: a number typed means the child shown under it,
    even if another was answered by SMS meanwhile. True if any."""
    state.data["kabar_listed"] = [checkin.id for checkin in _waiting(state)]
    return bool(state.data["kabar_listed"])


def _listed(state: State) -> list:
    """The check-ins as listed on the screen (None for one gone since), in their order."""
    if "kabar_listed" not in state.data:  # a session begun before lists were kept
        _list_waiting(state)
    return checkins.listed(state.data["kabar_listed"])


def any_waiting(state: State) -> str:
    """The list of children whose check-in is open, or word that none is."""
    return "kabar.pick" if _list_waiting(state) else "kabar.none"


def after_saving(state: State) -> str:
    """The next child waiting, or the end: how many were saved, and who was told of danger."""
    flagged = bool(state.data.get("officer"))  # said at once: the caller may hang up here
    if _list_waiting(state):
        return "kabar.pick_next_flagged" if flagged else "kabar.pick_next"
    return "kabar.done_flagged" if flagged else "kabar.done"


def child_names(state: State) -> list[str]:
    """The children listed, by name (the PIN was asked before this screen); none when every
    one of them has been answered since (by SMS): the session then goes on."""
    listed = _listed(state)
    if not any(checkin and checkin.status == CheckinStatus.OPEN for checkin in listed):
        return []
    return [checkin.child.name if checkin else "-" for checkin in listed]


def choose_child(state: State, index: int) -> None:
    """Answer for this child's check-in; one answered meanwhile by SMS is said so, and the
    list shown again without it."""
    checkin = _listed(state)[index]
    if checkin is None or checkin.status != CheckinStatus.OPEN:
        _list_waiting(state)
        raise InvalidAnswerError("kabar.answered_meanwhile")
    state.data["kabar"] = {"checkin": checkin.id}


def keep_digit_for(question: str):
    """An action that keeps the digit typed for one question."""

    def keep_digit(state: State, answer: str) -> None:
        state.data["kabar"][question] = int(answer)

    return keep_digit


def save(state: State, answer: str) -> None:
    """The last answer: store the check-in (once) and let red flags raise their alerts."""
    kabar = state.data.pop("kabar")
    state.data.setdefault("kabar_saved", 0)
    checkin = checkins.get(kabar.pop("checkin"))
    if checkin is None:
        return
    # The menu numbers are the problem codes themselves, as in the SMS answer.
    flags = checkins.record_answer(checkin, {**kabar, "problem": int(answer)}, "ussd")
    answered_meanwhile = flags is None
    if answered_meanwhile:
        # Answered meanwhile by SMS: the first answer stands, but a danger said here is a
        # case all the same (never lost to a race between two channels).
        problem = checkin_codes.problem(int(answer))
        flags = [checkins.alert_about(checkin.child, problem).ref] if problem else []
    if flags or not answered_meanwhile:  # what this session said was kept (a danger: a case)
        state.data["kabar_saved"] += 1
    if flags:
        state.data["officer"] = danger.officer_name(state.phone, state.lang)


def _yes_no(question: str, goto: str) -> Menu:
    return Menu(
        f"kabar.{question}",
        (
            Choice("answer.yes", goto, keep_digit_for(question), number=str(checkin_codes.YES)),
            Choice("answer.no", goto, keep_digit_for(question), number=str(checkin_codes.NO)),
        ),
    )


SCREENS = {
    "kabar": Branch(any_waiting, ("kabar.pick", "kabar.none")),
    "kabar.none": End("kabar.none"),
    "kabar.pick": Pick("kabar.pick", child_names, "kabar.school", choose_child, when_empty="kabar"),
    "kabar.pick_next": Pick(
        "kabar.pick_next", child_names, "kabar.school", choose_child, when_empty="kabar.saved"
    ),
    "kabar.pick_next_flagged": Pick(
        "kabar.pick_next_flagged",
        child_names,
        "kabar.school",
        choose_child,
        when_empty="kabar.saved",
    ),
    "kabar.school": _yes_no("school", "kabar.health"),
    "kabar.health": _yes_no("health", "kabar.mood"),
    "kabar.mood": _yes_no("mood", "kabar.contact"),
    "kabar.contact": _yes_no("contact", "kabar.problem"),
    "kabar.problem": Menu(
        "kabar.problem",
        tuple(
            Choice(f"problem.{category or 'none'}", "kabar.saved", save, number=str(code))
            for code, category in checkin_codes.PROBLEMS.items()
        ),
    ),
    "kabar.saved": Branch(
        after_saving,
        ("kabar.pick_next", "kabar.pick_next_flagged", "kabar.done", "kabar.done_flagged"),
    ),
    "kabar.done": End("kabar.done"),
    "kabar.done_flagged": End("kabar.done_flagged"),
}
