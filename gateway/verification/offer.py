"""A job offer described on USSD (rules 3 to 6 of DOMAIN.md): the red flags it shows."""

from __future__ import annotations

from gateway import channels, i18n

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
EMPLOYERS = (
    ("offer.employer.person", "individual"),
    ("offer.employer.company", "company"),
    ("offer.unknown", "unknown"),
)
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
    if answers.get("region") == "no_route":
        found.append("flag.no_route")
    if (
        answers.get("region") == "closed_domestic"
        and answers.get("job") == "domestic"
        and answers.get("employer") != "company"
    ):
        found.append("flag.closed")
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
    return "\n".join(lines + [i18n.text(lang, "flag.advice", help=channels.help_line())])
