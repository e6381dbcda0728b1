"""All USSD journeys, assembled into the one flow the engine runs."""

from gateway.flows import (
    checkin,
    home,
    info,
    language,
    officer,
    registration,
    report,
    resume,
    verification,
)
from gateway.flows.screens import Flow


def _merge(*modules) -> dict:
    screens: dict = {}
    for module in modules:
        clash = screens.keys() & module.SCREENS.keys()
        if clash:
            raise ValueError(f"screen ids defined twice: {sorted(clash)}")
        screens.update(module.SCREENS)
    return screens


FLOW = Flow(
    root="start",
    screens=_merge(
        home, officer, registration, resume, verification, report, checkin, info, language
    ),
    entries=("resume",),
)
