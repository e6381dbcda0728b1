"""Rule data an operator edits (rule_item), and the one destination rule that the CEK answer
and the job-offer questions both apply (DOMAIN.md rules 3 and 6)."""

from __future__ import annotations

from gateway.models import RuleItem

DOMESTIC = (
    "pengurus rumah tangga",
    "pengasuh",
    "juru masak",
    "supir keluarga",
    "perawat taman",
    "domestic",
    "housekeep",
    "caregiver",
    "pembantu",
    "prt",
)
SPSK_COUNTRY = "SA"  # the Saudi one-channel (SPSK) pilot: only through designated agencies


def values(kind: str) -> set[str]:
    """The rule data of one kind (closed_domestic, no_route, zero_cost, spsk_agency...)."""
    return {item.value for item in RuleItem.select(RuleItem.value).where(RuleItem.kind == kind)}


def is_domestic(occupation: str) -> bool:
    """Whether a job-order occupation is domestic work (housekeeper, carer, cook, driver...)."""
    return occupation.lower().startswith(DOMESTIC)


def closed_destination(
    country: str | None, domestic: bool, agency_key: str | None = None, region: str | None = None
) -> str | None:
    """Why a placement may not happen: "no_route" (no placement route at all, a scam risk) or
    "closed" (domestic work in a closed Middle East country, whoever the employer; Kepmenaker
    260/2015), else None. The Saudi SPSK pilot is open only through the agencies designated in
    the rule data; a described offer names no agency, so it is never sure to be one of them."""
    if region == "no_route" or (country and country in values("no_route")):
        return "no_route"
    closed = region == "closed_domestic" or (country and country in values("closed_domestic"))
    if not (closed and domestic):
        return None
    if country == SPSK_COUNTRY and agency_key and agency_key in values("spsk_agency"):
        return None
    return "closed"
