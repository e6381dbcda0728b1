"""The root menu. Its numbers are fixed by DESIGN section 3 (posters quote them)."""

from gateway.flows.screens import Choice, Menu

SCREENS = {
    "root": Menu(
        "root.title",
        (
            Choice("root.info", "info", number="5"),
            Choice("root.language", "language", number="6"),
        ),
    ),
}
