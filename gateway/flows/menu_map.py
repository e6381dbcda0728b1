"""The menu map: every USSD screen of the flow as a tree from the root, each in a language as
the engine renders it (with the longest stand-in values, gateway/flows/samples.py), its length
in septets, the error lines it can show, and the choices that lead on. A screen reached again
is a link to where it was drawn, not drawn twice."""

from __future__ import annotations

import dis
import inspect
import types
from collections.abc import Callable
from dataclasses import dataclass, field

from gateway import gsm7, i18n
from gateway.flows import FLOW, engine, samples
from gateway.flows.screens import Branch, End, Flow, Input, Menu, Pick, Screen, State

ENGINE_ERRORS = ("error.invalid_choice", "error.too_long")


@dataclass(frozen=True)
class Rendered:
    """One screen in one language: its pages, the longest in septets, and each error line it
    can show with the longest page shown under it."""

    pages: list[str]
    septets: int
    errors: list[tuple[str, str, int]]  # (catalog key, the line, septets of the screen with it)


@dataclass
class Node:
    """A screen in the tree: how it is reached from its parent, and (drawn the first time only)
    what it shows per language and where it leads."""

    screen_id: str
    kind: str
    via: str = ""  # what is typed (or decided) on the parent screen to come here
    repeat: bool = False  # drawn higher up already: a link to it
    note: str = ""  # what a routing screen decides, what a question accepts
    texts: dict[str, Rendered] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)


def doc(function: Callable | None) -> str:
    """The first sentence of a function's docstring (what a condition or validator does)."""
    if function is None:
        return ""
    text = " ".join((inspect.getdoc(function) or function.__name__).split("\n\n")[0].split())
    return text.split(". ")[0].rstrip(".") + "."


def error_keys(screen: Screen) -> list[str]:
    """The error lines a screen can show: a menu's wrong choice, a validator's refusals (the
    catalog keys in its code and in the helpers of its module it calls), an answer too long."""
    if isinstance(screen, End | Branch):
        return []
    if isinstance(screen, Input):
        return sorted(_raised(screen.validate)) + ["error.too_long"]
    return list(ENGINE_ERRORS)


def _raised(function: Callable) -> set[str]:
    found: set[str] = set()
    todo, seen = [function], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        codes = [current.__code__]
        while codes:
            code = codes.pop()
            for const in code.co_consts:
                if isinstance(const, types.CodeType):
                    codes.append(const)
                elif isinstance(const, str) and const.startswith(("answer.", "error.")):
                    found.add(const)
            called = {i.argval for i in dis.get_instructions(code) if i.opname == "LOAD_GLOBAL"}
            for name in called:
                helper = current.__globals__.get(name)
                if inspect.isfunction(helper) and helper.__module__ == current.__module__:
                    todo.append(helper)
    return {key for key in found if key in i18n.CATALOGS[i18n.DEFAULT]}


def all_error_keys(flow: Flow = FLOW) -> list[str]:
    """Every error line any screen of the flow can show."""
    return sorted({key for screen in flow.screens.values() for key in error_keys(screen)})


def render(screen_id: str, lang: str, history: list[str], flow: Flow = FLOW) -> Rendered:
    """The screen's pages in `lang`, and each error line on top of it."""
    state = samples.state(screen_id, lang, history)

    def every_page(error: str | None = None) -> list[str]:
        texts = []
        for page in range(len(engine.pages(flow, state))):
            state.page = page
            texts.append(engine.render(flow, state, error=error).text)
        return texts

    pages = every_page()
    errors = []
    for key in error_keys(flow.screens[screen_id]):
        shown = every_page(key)
        errors.append((key, shown[0].split("\n")[0], max(map(gsm7.septets, shown))))
    return Rendered(pages, max(map(gsm7.septets, pages)), errors)


def _links(screen: Screen, lang: str, state: State) -> list[tuple[str, str]]:
    """(how it is reached, target screen) for everything `screen` leads to."""
    if isinstance(screen, Branch):
        return [("", target) for target in screen.targets]
    if isinstance(screen, Input):
        return [(f"(ketik) {doc(screen.validate)}", screen.goto)]
    if not isinstance(screen, Menu | Pick):
        return []
    found = []
    items = 0
    if isinstance(screen, Pick):
        items = len(screen.items(state))
        found.append((f"1..n: {doc(screen.items)}", screen.goto))
    shown = {id(c): number for number, c in engine.numbered(screen.choices, state, after=items)}
    for choice in screen.choices:
        number = shown.get(id(choice), choice.number or "?")
        when = f" (hanya bila: {doc(choice.when)})" if choice.when else ""
        found.append((f"{number} {i18n.text(lang, choice.label, **state.data)}{when}", choice.goto))
    return found


def tree(langs: list[str], flow: Flow = FLOW) -> list[Node]:
    """The flow from its root (then from each other entry) as trees, in `langs` (the first
    names the choices); each screen drawn once, where it is first reached."""
    drawn: set[str] = set()

    def visit(screen_id: str, via: str, history: list[str]) -> Node:
        screen = flow.screens[screen_id]
        node = Node(screen_id, type(screen).__name__.lower(), via=via, repeat=screen_id in drawn)
        if node.repeat:
            return node
        drawn.add(screen_id)
        if isinstance(screen, Branch):
            node.note = doc(screen.route)
        else:
            node.texts = {lang: render(screen_id, lang, history, flow) for lang in langs}
            history = (history + [screen_id])[-2:]  # the nav line shows the way back
        state = samples.state(screen_id, langs[0], history)
        node.children = [visit(t, how, history) for how, t in _links(screen, langs[0], state)]
        return node

    return [visit(start, "", []) for start in (flow.root, *flow.entries)]
