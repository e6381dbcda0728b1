"""Resume: a registration cut off by the network continues where it stopped."""

from __future__ import annotations

from gateway.flows import registration
from gateway.flows.screens import Branch, Choice, End, Menu, State

# Every registration screen a person can stand on (not the routing ones, not the last ones).
RESUMABLE = tuple(
    screen_id
    for screen_id, screen in registration.SCREENS.items()
    if not isinstance(screen, Branch | End)
)


def restore(state: State, _answer: str) -> None:
    """Put the saved session back: its answers, its way back, its language."""
    saved = state.data.pop("resume")
    state.history, state.lang = saved["history"], saved["lang"]
    state.undo = saved.get("undo", [])
    state.data = {**saved["data"], "resume_screen": saved["screen"]}


def resumed_screen(state: State) -> str:
    """The screen the session was cut off on."""
    return state.data.pop("resume_screen")


def discard(state: State, _answer: str) -> None:
    """Start afresh; the saved answers are dropped, and "back" cannot return to the offer."""
    state.data.pop("resume", None)
    state.history.clear()


SCREENS = {
    "resume": Menu(
        "resume.title",
        (
            Choice("resume.continue", "resume.go", restore),
            Choice("resume.restart", "start", discard),
        ),
    ),
    "resume.go": Branch(resumed_screen, RESUMABLE),
}
