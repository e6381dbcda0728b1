"""Where people can ask: operator-editable data (rule_item kinds help_line and channel)."""

from __future__ import annotations

from gateway.db import Compiled
from gateway.models import RuleItem

DEFAULT_HELP_LINE = "KP2MI 0800-1000"  # used only if an operator removed every help_line row
_FIRST_OF_KIND = Compiled(  # every SMS answer asks it
    lambda kind: RuleItem.select(RuleItem.value).where(RuleItem.kind == kind).limit(1)
)


def help_line() -> str:
    """The short help line every SMS answer ends with."""
    row = _FIRST_OF_KIND.first(kind="help_line")
    return row[0] if row else DEFAULT_HELP_LINE


def channel_lines() -> str:
    """The official channels, one per line, for the Info screen."""
    rows = RuleItem.select(RuleItem.value).where(RuleItem.kind == "channel").order_by(RuleItem.id)
    return "\n".join(row.value for row in rows) or help_line()
