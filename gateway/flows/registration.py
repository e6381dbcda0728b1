"""Registration of a prospective migrant, a migrant abroad or a caregiver. Nothing is saved
before the consent screen; the answers wait in the session until then."""

from __future__ import annotations

from typing import Any

from gateway import people
from gateway.flows import answers
from gateway.flows.screens import Branch, Choice, End, Input, Menu, State
from gateway.statuses import Role
from gateway.verification import service
from gateway.verification.check import Result

MAX_CHILDREN = 8  # per registration; more can be added later from the menu

# The top destinations (DOMAIN.md), ISO 3166 codes; "other" asks for a name.
DESTINATIONS = (
    ("TW", "Taiwan"),
    ("MY", "Malaysia"),
    ("HK", "Hong Kong"),
    ("KR", "Korea"),
    ("JP", "Jepang"),
    ("SG", "Singapura"),
    ("SA", "Arab Saudi"),
)


def keep(key: str):
    """An action that keeps the answer under `key`."""

    def keep_answer(state: State, value: Any) -> None:
        state.data[key] = value

    return keep_answer


def keep_constant(key: str, value: Any):
    """An action that keeps a fixed value (a menu's meaning, not its number)."""

    def keep_value(state: State, _answer: Any) -> None:
        state.data[key] = value

    return keep_value


def keep_village(state: State, village: dict) -> None:
    """Keep the village's code, and its name and district for the confirmation that follows."""
    state.data["village_code"], state.data["village_name"] = village["code"], village["name"]
    state.data["village_district"] = village["district"]


def keep_school(state: State, in_school: str) -> None:
    """Whether the child being typed goes to school (typed again after going back: replaced)."""
    state.data["child"]["school"] = in_school == "1"


def commit_child(state: State, _answer: str) -> None:
    """The child being typed is complete: add it to the list. Only at this step, so that going
    back to correct a child never leaves a wrong copy in the list."""
    if "child" in state.data:
        state.data.setdefault("children", []).append(state.data.pop("child"))


def start_child(state: State, name: str) -> None:
    """Begin a child: its name."""
    state.data["child"] = {"name": name}


def keep_child_year(state: State, year: int) -> None:
    """The child's birth year."""
    state.data["child"]["year"] = year


def may_add_child(state: State) -> bool:
    """Whether another child fits in this registration (the one being typed counts)."""
    typed = len(state.data.get("children", [])) + ("child" in state.data)
    return typed < MAX_CHILDREN


def save(state: State, _answer: str) -> None:
    """Consent given: store the registration and use this person from now on."""
    person = people.register(state.phone, state.data, state.lang)
    state.data["person_id"] = person.id


def check_agency(state: State, agency: str | None) -> None:
    """Keep the agency typed, and check it as CEK does: a migrant placed by an agency we do not
    find should hear it now (the registration goes on all the same)."""
    state.data["agency"] = agency
    state.data.pop("agency_text", None)
    if agency:
        answer, shown = service.verify(agency, state.phone, "ussd", state.lang)
        if answer.result is not Result.REGISTERED:
            state.data["agency_text"] = shown.replace(". ", ".\n")


def agency_verdict(state: State) -> str:
    """The verdict on the agency typed when it is anything but TERDAFTAR, else on to the PIN."""
    return "reg.agency_check" if state.data.get("agency_text") else "reg.pin"


def whose_name(state: State) -> str:
    """Registering oneself, or someone else from the home menu: the question says which."""
    return "reg.name_other" if state.data.get("for_other") else "reg.name_self"


def by_role(state: State) -> str:
    """The role's own questions after the village."""
    return {
        Role.PROSPECTIVE: "reg.job",
        Role.MIGRANT: "reg.country",
        Role.CAREGIVER: "reg.parent_phone",
    }[state.data["role"]]


def consent_for(state: State) -> str:
    """Caregivers consent for their children's data too (UU PDP art. 25)."""
    return "reg.consent_family" if state.data["role"] == Role.CAREGIVER else "reg.consent"


CONSENT_CHOICES = (
    Choice("reg.agree", "reg.done", action=save),
    Choice("reg.disagree", "reg.declined"),
)

SCREENS = {
    "reg.role": Menu(
        "reg.role",
        (
            Choice(
                "reg.role.prospective", "reg.name", keep_constant("role", Role.PROSPECTIVE.value)
            ),
            Choice("reg.role.migrant", "reg.name", keep_constant("role", Role.MIGRANT.value)),
            Choice("reg.role.caregiver", "reg.name", keep_constant("role", Role.CAREGIVER.value)),
        ),
    ),
    "reg.name": Branch(whose_name, ("reg.name_self", "reg.name_other")),
    "reg.name_self": Input("reg.name", answers.name, "reg.village", keep("name")),
    "reg.name_other": Input("reg.name_other", answers.name, "reg.village", keep("name")),
    "reg.village": Input("reg.village", answers.village_code, "reg.village_ok", keep_village),
    "reg.village_ok": Menu(
        "village.confirm",
        (
            Choice("answer.yes", "reg.by_role", number="1"),
            Choice("village.change", "reg.village", number="2"),
        ),
    ),
    "reg.by_role": Branch(by_role, ("reg.job", "reg.country", "reg.parent_phone")),
    # Prospective migrant.
    "reg.job": Input("reg.job", answers.short_text, "reg.pin", keep("job")),
    # Migrant abroad.
    "reg.country": Menu(
        "reg.country",
        tuple(
            Choice(f"country.{code}", "reg.agency", keep_constant("country", code))
            for code, _ in DESTINATIONS
        )
        + (Choice("country.other", "reg.country_other"),),
    ),
    "reg.country_other": Input(
        "reg.country_other", answers.short_text, "reg.agency", keep("country")
    ),
    "reg.agency": Input(
        "reg.agency", answers.short_text_or_skip, "reg.agency_checked", check_agency
    ),
    "reg.agency_checked": Branch(agency_verdict, ("reg.agency_check", "reg.pin")),
    "reg.agency_check": Menu("reg.agency_check", (Choice("reg.continue", "reg.pin"),)),
    # Caregiver.
    "reg.parent_phone": Input(
        "reg.parent_phone", answers.phone_abroad_or_skip, "reg.child_name", keep("parent_phone")
    ),
    "reg.child_name": Input("reg.child_name", answers.name, "reg.child_year", start_child),
    "reg.child_year": Input(
        "reg.child_year", answers.birth_year, "reg.child_school", keep_child_year
    ),
    "reg.child_school": Menu(
        "reg.child_school",
        (
            Choice("answer.yes", "reg.child_more", keep_school),
            Choice("answer.no", "reg.child_more", keep_school),
        ),
    ),
    "reg.child_more": Menu(
        "reg.child_more",
        (
            Choice("reg.child_another", "reg.child_name", commit_child, when=may_add_child),
            Choice("reg.child_done", "reg.pin", commit_child),
        ),
    ),
    # Everyone: a PIN, then consent.
    "reg.pin": Input("reg.pin", answers.new_pin, "reg.pin_again", keep("pin_hash")),
    "reg.pin_again": Input("reg.pin_again", answers.same_pin, "reg.consent_for"),
    "reg.consent_for": Branch(consent_for, ("reg.consent", "reg.consent_family")),
    "reg.consent": Menu("reg.consent", CONSENT_CHOICES),
    "reg.consent_family": Menu("reg.consent_family", CONSENT_CHOICES),
    "reg.done": End("reg.done"),
    "reg.declined": End("reg.declined"),
}
