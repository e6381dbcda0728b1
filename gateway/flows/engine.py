"""The flow engine: one function steps a session, (state, answer) -> (state, reply)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from gateway import gsm7, i18n
from gateway.flows.screens import (
    Branch,
    Choice,
    End,
    Flow,
    Input,
    InvalidAnswerError,
    Menu,
    Pick,
    Reply,
    Screen,
    SessionEndError,
    State,
)

NAV_BACK, NAV_ROOT, NAV_MORE = "0", "00", "98"
MAX_ANSWER = 160  # longer than any screen can ask for; more is a stuck key or an attack
ERROR_ROOM = 32  # every page leaves this much room for an error line (the line and its newline)
HEADING_MOST = 40  # septets: a title's first line this short is a heading, not a sentence
_GONE = object()  # a key the data does not hold


def start(
    flow: Flow, phone: str, lang: str, at: str | None = None, data: dict | None = None
) -> tuple[State, Reply]:
    """A new session at the root screen (or at entry screen `at`), knowing `data` from the
    start (the USSD code quoted on screens)."""
    state = State(phone=phone, lang=lang, screen=at or flow.root, data=dict(data or {}))
    _resolve(flow, state)
    return state, render(flow, state)


def step(flow: Flow, state: State, answer: str) -> tuple[State, Reply]:
    """Apply one answer to `state` (changed in place) and return the next screen."""
    answer = answer.strip()
    if answer == NAV_ROOT:
        state.history.clear()
        state.undo.clear()
        _show(flow, state, flow.root)
        return state, render(flow, state)
    if answer == NAV_BACK and (state.page > 0 or state.history):
        if state.page > 0:
            state.page -= 1
        else:
            _undo(state)
            state.screen, state.page = state.history.pop(), 0
        return state, render(flow, state)
    if answer == NAV_MORE:  # "98" is never an answer: the next page, or there is none
        if state.page + 1 < len(pages(flow, state)):
            state.page += 1
            return state, render(flow, state)
        return state, render(flow, state, "error.invalid_choice")
    if len(answer) > MAX_ANSWER:
        return state, render(flow, state, "error.too_long", {"most": MAX_ANSWER})
    screen = flow.screens[state.screen]
    if isinstance(screen, Pick) and screen.when_empty and not screen.items(state):
        _show(flow, state, screen.when_empty)  # nothing left to pick: what follows, not a loop
        return state, render(flow, state)
    try:
        goto = _answer(flow, screen, state, answer)
    except InvalidAnswerError as error:
        return state, render(flow, state, error=error.message, error_params=error.params)
    except SessionEndError as end:
        return state, Reply(_text(state, end.message), end=True)
    _show(flow, state, goto)
    return state, render(flow, state)


def _answer(flow: Flow, screen: Screen, state: State, answer: str) -> str:
    """Validate `answer`, run the screen's action and return the id of the next screen."""
    if isinstance(screen, Input):
        value = screen.validate(state, answer)
        return _act(state, screen.action, value, screen.goto)
    if isinstance(screen, Menu | Pick) and answer in shown_numbers(flow, state):
        items = screen.items(state) if isinstance(screen, Pick) else []
        if answer.isdigit() and 1 <= int(answer) <= len(items):
            return _act(state, screen.action, int(answer) - 1, screen.goto)
        choice = dict(numbered(screen.choices, state, after=len(items)))[answer]
        return _act(state, choice.action, answer, choice.goto)
    # An unknown number, one on another page (a consent is given only on the page that shows
    # it, after the pages before it), or an End screen.
    raise InvalidAnswerError()


def _act(state: State, action, value, goto: str) -> str:
    # History first: an action that restores a whole session (resume) may replace it.
    state.history.append(state.screen)
    history = state.history
    before = json.loads(json.dumps(state.data)) if action else state.data  # a deep copy
    if action:
        action(state, value)
    if state.history is history:  # else the action put back a whole session, its undo too
        done = len(state.history) - 1
        kept = state.undo[:done] + [{}] * (done - len(state.undo))  # aligned with history
        state.undo = [*kept, _changes(before, state.data)]
    return goto


def _changes(before: dict, after: dict) -> dict:
    """What an answer changed in a session's data, to put back if the person goes back."""
    return {
        "set": {key: value for key, value in before.items() if after.get(key, _GONE) != value},
        "drop": [key for key in after if key not in before],
    }


def _undo(state: State) -> None:
    """Going back to the last screen: its answer's changes to the data undone (a child typed,
    then gone back over, is no child of the registration)."""
    if not state.undo or len(state.undo) != len(state.history):
        return  # kept before undo existed: the data stays as it is
    changes = state.undo.pop()
    for key in changes.get("drop", []):
        state.data.pop(key, None)
    state.data.update(changes.get("set", {}))


def _show(flow: Flow, state: State, screen_id: str) -> None:
    state.screen, state.page = screen_id, 0
    _resolve(flow, state)


def _resolve(flow: Flow, state: State) -> None:
    """Follow Branch screens until a screen that shows something."""
    while isinstance(screen := flow.screens[state.screen], Branch):
        target = screen.route(state)
        if target not in screen.targets:
            raise ValueError(f"{state.screen} routed to undeclared screen {target!r}")
        state.screen = target


def numbered(
    choices: tuple[Choice, ...], state: State, after: int = 0
) -> Iterator[tuple[str, Choice]]:
    """The choices shown in `state`, with the number a person types for each."""
    position = after
    for choice in choices:
        if choice.when is None or choice.when(state):
            position += 1
            yield (choice.number or str(position)), choice


def _option_lines(state: State, screen: Menu | Pick) -> list[tuple[str, str]]:
    """A menu's options as (number, line), in the order they are listed."""
    items = screen.items(state) if isinstance(screen, Pick) else []
    listed = [(str(i), f"{i} {item}") for i, item in enumerate(items, start=1)]
    return listed + [
        (number, f"{number} {_text(state, c.label)}")
        for number, c in numbered(screen.choices, state, after=len(items))
    ]


def shown_numbers(flow: Flow, state: State) -> set[str]:
    """The option numbers listed on the page of the menu the person is looking at."""
    all_pages = pages(flow, state)
    page = set(all_pages[min(state.page, len(all_pages) - 1)])
    return {
        number for number, line in _option_lines(state, flow.screens[state.screen]) if line in page
    }


def _body_lines(flow: Flow, state: State) -> list[str]:
    screen = flow.screens[state.screen]
    if isinstance(screen, Menu | Pick):
        title = _text(state, screen.title).split("\n")
        return title + [line for _, line in _option_lines(state, screen)]
    key = screen.prompt if isinstance(screen, Input) else screen.text
    return _text(state, key).split("\n")


def _heading(flow: Flow, state: State) -> str | None:
    """A menu's title, or the first line of a title of several when it is a heading and not
    a sentence, repeated on the pages after the first: "Data Anda" above its options, "Bebas
    biaya (Per BP2MI 9/2020):" above the rest of its list."""
    screen = flow.screens[state.screen]
    if not isinstance(screen, Menu | Pick):
        return None
    first, *rest = _text(state, screen.title).split("\n")
    return first if first and (not rest or gsm7.septets(first) <= HEADING_MOST) else None


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
    """The screen's lines cut into pages that fit one USSD screen, with room for an error line.
    A page of options after the first starts with the menu's heading again."""
    budget = gsm7.USSD_SCREEN - ERROR_ROOM
    lines, continued = _body_lines(flow, state), set()
    if not isinstance(flow.screens[state.screen], End):  # an END screen is one page, whole
        # A line longer than a page with its "more" line (a family's long report, read by
        # the officer) is cut between words first: each part fits a page of its own.
        room = budget - gsm7.septets(_nav_line(flow, state, 1, more=True)) - 1
        cut: list[str] = []
        for line in lines:
            parts = _within(line, room)
            continued.update(range(len(cut) + 1, len(cut) + len(parts)))  # not the first part
            cut += parts
        lines = cut
    result, i = [], 0
    heading = _heading(flow, state)
    first_option = len(lines) - len(_menu_options(flow, state))
    while True:
        page = len(result)
        top = [heading] if heading and page and i not in continued else []  # not mid-sentence
        if _length(top + lines[i:], _nav_line(flow, state, page, more=False)) <= budget:
            result.append(top + lines[i:])  # the rest fits: this is the last page
            return result
        more = _nav_line(flow, state, page, more=True)
        if _length(top + [lines[i]], more) > budget:
            top = []  # a long line has its page to itself, without the heading
        current, i = top + [lines[i]], i + 1
        while i < len(lines):
            if _fits(current + lines[i:], flow, state, page, budget):
                current, i = current + lines[i:], len(lines)  # the rest ends this page
                break
            if _length(current + [lines[i]], more) > budget:
                break
            next_top = [heading] if heading else []
            if i == first_option and _fits(next_top + lines[i:], flow, state, page + 1, budget):
                break  # the options go together on the next page rather than split
            current, i = current + [lines[i]], i + 1
        result.append(current)
        if i == len(lines):  # only the "more" line's room was missing: it is the last page
            return result


def _within(line: str, room: int) -> list[str]:
    """The line, or its parts when it is longer than `room` septets."""
    return [line] if gsm7.septets(line) <= room else gsm7.cut(line, room)


def _menu_options(flow: Flow, state: State) -> list[tuple[str, str]]:
    screen = flow.screens[state.screen]
    return _option_lines(state, screen) if isinstance(screen, Menu | Pick) else []


def _fits(lines: list[str], flow: Flow, state: State, page: int, budget: int) -> bool:
    """Whether these lines end the screen on this page (no "more" line needed)."""
    return _length(lines, _nav_line(flow, state, page, more=False)) <= budget


def _length(lines: list[str], footer: str) -> int:
    return gsm7.septets("\n".join(lines + ([footer] if footer else [])))


def render(
    flow: Flow, state: State, error: str | None = None, error_params: dict | None = None
) -> Reply:
    """The text of the current page of the current screen, with an error line on top if any."""
    all_pages = pages(flow, state)
    state.page = min(state.page, len(all_pages) - 1)
    more = state.page + 1 < len(all_pages)
    footer = _nav_line(flow, state, state.page, more)
    params = {**state.data, **(error_params or {})}
    errors = [i18n.text(state.lang, error, **params)] if error else []
    lines = errors + all_pages[state.page]
    text = gsm7.to_gsm7("\n".join(lines + ([footer] if footer else [])))  # names from CSVs
    return Reply(text=text, end=isinstance(flow.screens[state.screen], End))


def _text(state: State, key: str) -> str:
    return i18n.text(state.lang, key, **state.data)
