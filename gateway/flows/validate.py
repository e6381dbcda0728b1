"""The flow validator: dangling links, unreachable screens, missing texts, clashing numbers."""

from __future__ import annotations

from gateway import i18n
from gateway.flows.engine import NAV_BACK, NAV_MORE, NAV_ROOT
from gateway.flows.screens import Branch, Flow, Input, Menu, Pick, Screen


def targets(screen: Screen) -> list[str]:
    """Every screen id `screen` can lead to."""
    if isinstance(screen, Menu | Pick):
        extra = [screen.goto, screen.when_empty] if isinstance(screen, Pick) else []
        return [goto for goto in extra if goto] + [choice.goto for choice in screen.choices]
    if isinstance(screen, Input):
        return [screen.goto]
    if isinstance(screen, Branch):
        return list(screen.targets)
    return []


def _keys(screen: Screen) -> list[str]:
    if isinstance(screen, Menu | Pick):
        return [screen.title] + [choice.label for choice in screen.choices]
    if isinstance(screen, Input):
        return [screen.prompt]
    if isinstance(screen, Branch):
        return []
    return [screen.text]


def problems(flow: Flow) -> list[str]:
    """Everything wrong with a flow; an empty list for a sound one."""
    found = []
    for start in (flow.root, *flow.entries):
        if start not in flow.screens:
            found.append(f"start screen {start!r} does not exist")
    for screen_id, screen in flow.screens.items():
        found += [
            f"{screen_id} -> missing screen {t!r}" for t in targets(screen) if t not in flow.screens
        ]
        if isinstance(screen, Menu | Pick):
            numbers = [c.number for c in screen.choices if c.number]
            if len(set(numbers)) != len(numbers) or {NAV_BACK, NAV_ROOT, NAV_MORE} & set(numbers):
                found.append(f"{screen_id}: choice numbers clash: {numbers}")
        for lang, catalog in i18n.CATALOGS.items():
            found += [
                f"{screen_id}: no {lang} text {key!r}"
                for key in _keys(screen)
                if key not in catalog
            ]
    reachable, todo = set(), [flow.root, *flow.entries]
    while todo:
        screen_id = todo.pop()
        if screen_id in reachable or screen_id not in flow.screens:
            continue
        reachable.add(screen_id)
        todo += targets(flow.screens[screen_id])
    found += [f"{name} is unreachable" for name in flow.screens if name not in reachable]
    return found
