"""The flow engine: screens are data; one function steps a session, (state, input) -> reply."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from gateway import gsm7, i18n

NAV_BACK, NAV_ROOT, NAV_MORE = "0", "00", "98"
MAX_ANSWER = 160  # longer than any screen can ask for; more is a stuck key or an attack
ERROR_ROOM = 32  # every page leaves this much room for an error line (the line and its newline)


class InvalidAnswerError(ValueError):
    """An answer a validator refuses; `message` is the catalog key of the error line."""

    def __init__(self, message: str = "error.invalid_choice"):
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

    def to_dict(self) -> dict[str, Any]:
        """The state as plain JSON-able data."""
        return asdict(self)


Action = Callable[[State, Any], None]


@dataclass(frozen=True)
class Choice:
    """One numbered line of a menu."""

    label: str  # catalog key
    goto: str  # id of the next screen
    action: Action | None = None
    number: str | None = None  # fixed number, where posters and issues quote it


@dataclass(frozen=True)
class Menu:
    """A title (any number of lines) and numbered choices; no choices makes a page of text."""

    title: str
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class Input:
    """A question whose answer `validate` cleans (or refuses) before `action` keeps it."""

    prompt: str
    validate: Callable[[str], Any]
    goto: str
    action: Action | None = None


@dataclass(frozen=True)
class End:
    """The last screen of a session."""

    text: str


Screen = Menu | Input | End


@dataclass(frozen=True)
class Reply:
    """What the phone shows: a screen's text, and whether the session ends with it."""

    text: str
    end: bool = False


@dataclass(frozen=True)
class Flow:
    """All screens by id, and the one a session starts at."""

    root: str
    screens: Mapping[str, Screen]


def start(flow: Flow, phone: str, lang: str) -> tuple[State, Reply]:
    """A new session at the root screen."""
    state = State(phone=phone, lang=lang, screen=flow.root)
    return state, render(flow, state)


def step(flow: Flow, state: State, answer: str) -> tuple[State, Reply]:
    """Apply one answer to `state` (changed in place) and return the next screen."""
    answer = answer.strip()
    screen = flow.screens[state.screen]
    if answer == NAV_ROOT:
        state.history.clear()
        _show(state, flow.root)
        return state, render(flow, state)
    if answer == NAV_BACK and (state.page > 0 or state.history):
        if state.page > 0:
            state.page -= 1
        else:
            state.screen, state.page = state.history.pop(), 0
        return state, render(flow, state)
    if answer == NAV_MORE and state.page + 1 < len(pages(flow, state)):
        state.page += 1
        return state, render(flow, state)
    if len(answer) > MAX_ANSWER:
        return state, render(flow, state, error="error.too_long")
    try:
        goto = _answer(screen, state, answer)
    except InvalidAnswerError as error:
        return state, render(flow, state, error=error.message)
    state.history.append(state.screen)
    _show(state, goto)
    return state, render(flow, state)


def _answer(screen: Screen, state: State, answer: str) -> str:
    """Run the screen's validator and action for `answer`; return the id of the next screen."""
    if isinstance(screen, Menu):
        choice = dict(numbered(screen)).get(answer)
        if choice is None:
            raise InvalidAnswerError()
        if choice.action:
            choice.action(state, answer)
        return choice.goto
    if isinstance(screen, Input):
        value = screen.validate(answer)
        if screen.action:
            screen.action(state, value)
        return screen.goto
    raise InvalidAnswerError()  # an End screen takes no answers


def _show(state: State, screen_id: str) -> None:
    state.screen, state.page = screen_id, 0


def numbered(menu: Menu) -> Iterator[tuple[str, Choice]]:
    """The menu's choices with the number a person types for each."""
    for position, choice in enumerate(menu.choices, start=1):
        yield (choice.number or str(position)), choice


def _body_lines(flow: Flow, state: State) -> list[str]:
    screen = flow.screens[state.screen]
    if isinstance(screen, Menu):
        lines = _text(state, screen.title).split("\n")
        return lines + [f"{number} {_text(state, c.label)}" for number, c in numbered(screen)]
    key = screen.prompt if isinstance(screen, Input) else screen.text
    return [_text(state, key)]


def _nav_line(flow: Flow, state: State, page: int, more: bool) -> str:
    if isinstance(flow.screens[state.screen], End):
        return ""
    parts = []
    if more:
        parts.append(_text(state, "nav.more"))
    if state.history or page:
        parts.append(_text(state, "nav.back"))
    if len(state.history) > 1:
        parts.append(_text(state, "nav.root"))
    return " ".join(parts)


def pages(flow: Flow, state: State) -> list[list[str]]:
    """The screen's lines cut into pages that fit one USSD screen, with room for an error line."""
    budget = gsm7.USSD_SCREEN - ERROR_ROOM
    lines, result, i = _body_lines(flow, state), [], 0
    while True:
        page = len(result)
        if _length(lines[i:], _nav_line(flow, state, page, more=False)) <= budget:
            result.append(lines[i:])  # the rest fits: this is the last page
            return result
        current, i = [lines[i]], i + 1  # a line too long for any page still gets one of its own
        more = _nav_line(flow, state, page, more=True)
        while i < len(lines) and _length(current + [lines[i]], more) <= budget:
            current, i = current + [lines[i]], i + 1
        if i == len(lines):  # only the "more" line's room was missing: it is the last page
            result.append(current)
            return result
        result.append(current)


def _length(lines: list[str], footer: str) -> int:
    return gsm7.septets("\n".join(lines + ([footer] if footer else [])))


def render(flow: Flow, state: State, error: str | None = None) -> Reply:
    """The text of the current page of the current screen, with an error line on top if any."""
    all_pages = pages(flow, state)
    state.page = min(state.page, len(all_pages) - 1)
    more = state.page + 1 < len(all_pages)
    footer = _nav_line(flow, state, state.page, more)
    lines = ([_text(state, error)] if error else []) + all_pages[state.page]
    text = "\n".join(lines + ([footer] if footer else []))
    return Reply(text=text, end=isinstance(flow.screens[state.screen], End))


def _text(state: State, key: str) -> str:
    return i18n.text(state.lang, key, **state.data)


def _targets(screen: Screen) -> list[str]:
    if isinstance(screen, Menu):
        return [choice.goto for choice in screen.choices]
    if isinstance(screen, Input):
        return [screen.goto]
    return []


def _keys(screen: Screen) -> list[str]:
    if isinstance(screen, Menu):
        return [screen.title] + [choice.label for choice in screen.choices]
    return [screen.prompt if isinstance(screen, Input) else screen.text]


def problems(flow: Flow) -> list[str]:
    """Everything wrong with a flow: dangling links, unreachable screens, missing texts."""
    found = []
    if flow.root not in flow.screens:
        found.append(f"root screen {flow.root!r} does not exist")
    for screen_id, screen in flow.screens.items():
        found += [
            f"{screen_id} -> missing screen {t!r}"
            for t in _targets(screen)
            if t not in flow.screens
        ]
        if isinstance(screen, Menu):
            numbers = [number for number, _ in numbered(screen)]
            if len(set(numbers)) != len(numbers) or {NAV_BACK, NAV_ROOT, NAV_MORE} & set(numbers):
                found.append(f"{screen_id}: choice numbers clash: {numbers}")
        for lang, catalog in i18n.CATALOGS.items():
            found += [
                f"{screen_id}: no {lang} text {key!r}"
                for key in _keys(screen)
                if key not in catalog
            ]
    reachable, todo = set(), [flow.root]
    while todo:
        screen_id = todo.pop()
        if screen_id in reachable or screen_id not in flow.screens:
            continue
        reachable.add(screen_id)
        todo += _targets(flow.screens[screen_id])
    found += [
        f"{screen_id} is unreachable" for screen_id in flow.screens if screen_id not in reachable
    ]
    return found
