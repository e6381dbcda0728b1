"""Where people can ask: operator-editable data (rule_item kinds help_line and channel)."""

from __future__ import annotations

from gateway.models import RuleItem

DEFAULT_HELP_LINE = "KP2MI 0800-1000"  # used only if an operator removed every help_line row


def help_line() -> str:
    """The short help line every SMS answer ends with."""
    row = RuleItem.select(RuleItem.value).where(RuleItem.kind == "help_line").first()
    return row.value if row else DEFAULT_HELP_LINE


def channel_lines() -> str:
    """The official channels, one per line, for the Info screen."""
    rows = RuleItem.select(RuleItem.value).where(RuleItem.kind == "channel").order_by(RuleItem.id)
    return "\n".join(row.value for row in rows) or help_line()
