"""A job offer described on USSD (rules 3 to 6 of DOMAIN.md): the red flags it shows.
Destinations go through rules.closed_destination, the same rule the CEK answer applies."""

from __future__ import annotations

from gateway import help_lines, i18n
from gateway.verification import rules

# (catalog key of the choice, value kept). Regions follow the rule data's kinds.
REGIONS = (
    ("offer.region.middle_east", "closed_domestic"),
    ("offer.region.asia", "open"),
    ("offer.region.no_route", "no_route"),
    ("offer.region.other", "open"),
)
JOBS = (
    ("offer.job.domestic", "domestic"),
    ("offer.job.farm", "farm"),
    ("offer.job.fishing", "fishing"),
    ("offer.job.factory", "other"),
    ("offer.job.other", "other"),
)
ZERO_COST_JOBS = {"domestic", "farm", "fishing"}  # the kinds of Peraturan BP2MI 9/2020's list
VISAS = (
    ("offer.visa.work", "work"),
    ("offer.visa.tourist", "tourist"),
    ("offer.unknown", "unknown"),
)
MONEY = (
    ("offer.money.none", "none"),
    ("offer.money.fee", "fee"),
    ("offer.money.binding", "binding"),
)


def flags(answers: dict) -> list[str]:
    """The catalog keys of the red flags in a described offer, most serious first."""
    found = []
    closed = rules.closed_destination(
        None, answers.get("job") == "domestic", region=answers.get("region")
    )
    if closed:
        found.append(f"flag.{closed}")
    if answers.get("visa") == "tourist":
        found.append("flag.visa")
    if answers.get("age", 18) < 18:
        found.append("flag.under_18")
    if answers.get("money") == "fee":
        found.append("flag.fee_zero_cost" if answers.get("job") in ZERO_COST_JOBS else "flag.fee")
    if answers.get("money") == "binding":
        found.append("flag.binding")
    return found


def red_flags(answers: dict, lang: str) -> str:
    """The answer: each red flag on its own line, or that none was seen; then what to do."""
    found = flags(answers)
    lines = [i18n.text(lang, "flag.title" if found else "flag.none")]
    lines += [i18n.text(lang, key) for key in found]
    return "\n".join(lines + [i18n.text(lang, "flag.advice", help=help_lines.help_line())])


def summary(answers: dict, lang: str) -> str:
    """The offer in a few words, to quote in a broker report: `tawaran kerja: PRT, Timur Tengah`."""
    chosen = [key for key, value in REGIONS if value == answers.get("region")][:1]
    chosen += [key for key, value in JOBS if value == answers.get("job")][:1]
    words = ", ".join(i18n.text(lang, key) for key in chosen)
    return (i18n.text(lang, "offer.this") + (f": {words}" if words else ""))[:60]
