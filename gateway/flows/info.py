"""Info screens: placement costs, the zero-cost jobs, official channels, child protection."""

from gateway import checkin_codes, help_lines, i18n, officers, people
from gateway.flows.screens import Choice, Menu, State
from gateway.statuses import OfficerRole


def load_channels(state: State, _answer: str) -> None:
    """The official channels as the operator keeps them (rule data), and for people registered
    in a village, the name and number of its officer (no one else sees them here)."""
    state.data["channels"] = help_lines.channel_lines()
    officer = officers.first_contact(people.village_of(state.phone))
    if officer is None:
        state.data["my_officer"] = ""
        return
    # A village with no officer of its own is looked after by its district's supervisor.
    key = "info.my_supervisor" if officer.role == OfficerRole.SUPERVISOR else "info.my_officer"
    state.data["my_officer"] = i18n.text(
        state.lang, key, name=officer.name[:30], phone=officer.phone
    )


def load_problem_codes(state: State, _answer: str) -> None:
    """The check-in problem codes, one per line, from the one table every channel reads."""
    state.data["problem_codes"] = "\n".join(checkin_codes.code_lines(state.lang))


SCREENS = {
    "info": Menu(
        "info.title",
        (
            Choice("info.costs", "info.costs"),
            Choice("info.zero_cost", "info.zero_cost"),
            Choice("info.channels", "info.channels", load_channels),
            Choice("info.child", "info.child", load_problem_codes),
        ),
    ),
    "info.costs": Menu("info.costs.text"),
    "info.zero_cost": Menu("info.zero_cost.text"),
    "info.channels": Menu("info.channels.text"),
    "info.child": Menu("info.child.text"),
}
