"""The kinds of USSD screen, as data, and the session state the engine moves through them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


class InvalidAnswerError(ValueError):
    """An answer a validator refuses; `message` is the catalog key of the error line, `params`
    fill it in (the years allowed...)."""

    def __init__(self, message: str = "error.invalid_choice", **params: object):
        super().__init__(message)
        self.message, self.params = message, params


class SessionEndError(Exception):
    """An answer that ends the session with the text `message` (a catalog key): what is
    locked after three wrong PINs is not asked for again."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class State:
    """One USSD session: where the person is and what they have answered so far."""

    phone: str
    lang: str
    screen: str
    page: int = 0
    history: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    # Beside each screen of `history`: what its answer changed in `data` ({"set": earlier
    # values, "drop": keys it added}), put back when "back" returns to that screen.
    undo: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The state as plain JSON-able data, for serialising at once: its lists and dicts are
        shared, not copied (asdict's deep copy was a tenth of a USSD step)."""
        return dict(vars(self))


Action = Callable[[State, Any], None]
Condition = Callable[[State], bool]


@dataclass(frozen=True)
class Choice:
    """One numbered line of a menu, shown only when `when` (if any) says so."""

    label: str  # catalog key
    goto: str  # id of the next screen
    action: Action | None = None
    number: str | None = None  # fixed number, where posters and issues quote it
    when: Condition | None = None


@dataclass(frozen=True)
class Menu:
    """A title (any number of lines) and numbered choices; no choices makes a page of text."""

    title: str
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class Pick:
    """A numbered list made at run time (names on a phone); `action` gets the index picked."""

    title: str
    items: Callable[[State], list[str]]
    goto: str
    action: Action
    choices: tuple[Choice, ...] = ()  # fixed lines after the items, numbered on from them
    # Where the session goes when the list has emptied since it was shown (each child's
    # check-in answered meanwhile by SMS): never a screen with nothing left to pick.
    when_empty: str | None = None


@dataclass(frozen=True)
class Input:
    """A question whose answer `validate` cleans (or refuses) before `action` keeps it."""

    prompt: str
    validate: Callable[[State, str], Any]
    goto: str
    action: Action | None = None


@dataclass(frozen=True)
class End:
    """The last screen of a session."""

    text: str


@dataclass(frozen=True)
class Branch:
    """Not shown: sends the session on to one of `targets`, chosen by `route`."""

    route: Callable[[State], str]
    targets: tuple[str, ...]


Screen = Menu | Pick | Input | End | Branch


@dataclass(frozen=True)
class Reply:
    """What the phone shows: a screen's text, and whether the session ends with it."""

    text: str
    end: bool = False


@dataclass(frozen=True)
class Flow:
    """All screens by id; sessions start at `root`, or at one of `entries` (resume, say)."""

    root: str
    screens: Mapping[str, Screen]
    entries: tuple[str, ...] = ()
