"""Who is dialling, the home menu that fits them, and the PIN-guarded personal screens."""

from __future__ import annotations

from gateway import erasure, officers, people, pins, summaries
from gateway.flows import answers
from gateway.flows.registration import keep, keep_child_year, keep_village, start_child
from gateway.flows.screens import Branch, Choice, End, Input, Menu, Pick, SessionEndError, State
from gateway.statuses import Role


def identify(state: State) -> str:
    """The home screen for whoever uses this phone: an officer's, or (asking first when several
    people share the phone) a registered person's, or the one for a new number."""
    known = state.data.pop("caller_is_staff", None)  # read with the session's first screen
    if known if known is not None else officers.is_officer(state.phone):
        return "officer.home"
    person = people.get(state.data.get("person_id"))
    if person is None:  # not chosen yet (or deleted since)
        registered = people.on_phone(state.phone)
        state.data["people"] = [[p.id, p.name] for p in registered]
        person = registered[0] if len(registered) == 1 else None
    if person is None:
        state.data.pop("person_id", None)
        return "people.pick" if state.data["people"] else "home.new"
    state.data["person_id"], state.data["role"] = person.id, person.role
    return "home"


def names(state: State) -> list[str]:
    """The names registered on this phone."""
    return [name for _, name in state.data["people"]]


def choose_person(state: State, index: int) -> None:
    """The person picked from the list uses the phone now."""
    state.data["person_id"] = state.data["people"][index][0]


def several_people(state: State) -> bool:
    """Whether more than one person is registered on this phone."""
    return len(state.data.get("people", [])) > 1


def switch_person(state: State, _answer: str) -> None:
    """Forget who is using the phone (and their PIN)."""
    for key in ("person_id", "pin_ok", "people"):
        state.data.pop(key, None)


def forget_registration(state: State, _answer: str) -> None:
    """Someone else on this phone registers: start from clean answers."""
    state.data = {key: state.data[key] for key in ("people", "ussd_code") if key in state.data}


def register_other(state: State, answer: str) -> None:
    """The person using the phone registers someone else: the questions say so."""
    forget_registration(state, answer)
    state.data["for_other"] = True


def is_caregiver(state: State) -> bool:
    """Whether the person using the phone looks after children."""
    return state.data.get("role") == Role.CAREGIVER


def has_children_menu(state: State) -> bool:
    """Caregivers report on the children; migrants read the news of theirs."""
    return state.data.get("role") in (Role.CAREGIVER, Role.MIGRANT)


def children_menu(state: State) -> str:
    """Menu 3: the check-in for a caregiver, the news for a migrant."""
    return "kabar" if state.data.get("role") == Role.CAREGIVER else "anak"


def children_news(state: State) -> str:
    """The latest news of the migrant's children (the PIN was asked first)."""
    state.data["anak_text"] = summaries.for_screen(state.phone, state.lang, state.data["ussd_code"])
    return "anak.screen"


def after_pin(target: str):
    """An action that asks for the PIN (once per session) before `target`."""

    def remember_target(state: State, _answer: str) -> None:
        state.data["after_pin"] = target

    return remember_target


def pin_gate(state: State) -> str:
    """The PIN prompt, a first PIN for people imported without one, or straight through."""
    if "person_id" not in state.data:
        return "start"  # came back to a menu after starting someone else's registration
    if state.data.get("pin_ok") == state.data["person_id"]:
        return "pin.passed"
    person = people.get(state.data["person_id"])
    if person.pin_hash:
        return "pin.ask"
    # Imported from a village register, no PIN yet: whoever holds the phone proves first that
    # they know the household, else the officer helps.
    return "pin.prove" if pins.register_facts(person) else "pin.ask_officer"


def unlock(state: State, person_id: int) -> None:
    """The PIN was right: load what the personal screens show."""
    person = people.get(person_id)
    state.data.update(
        pin_ok=person.id,
        me_name=person.name,
        me_village=person.village.name[:30] if person.village else "-",
        me_children=people.children_line(person),
    )


def set_first_pin(state: State, _answer: str) -> None:
    """An imported person's first PIN."""
    person = people.get(state.data["person_id"])
    pins.set_pin_hash(person, state.data.pop("pin_hash"))
    unlock(state, person.id)


def passed(state: State) -> str:
    """Where the PIN was asked for."""
    return state.data["after_pin"]


def update_name(state: State, name: str) -> None:
    """Change the person's name."""
    people.update(people.get(state.data["person_id"]), name=name)


def update_village(state: State, _answer: str) -> None:
    """Change the person's village to the one confirmed."""
    people.update(
        people.get(state.data["person_id"]),
        village=people.find_village(state.data["village_code"]),
    )


def save_child(state: State, answer: str) -> None:
    """Consent given for one more child: store it."""
    child = state.data.pop("child")
    child["school"] = state.data.pop("child_school") == "1"
    caregiver = people.get(state.data["person_id"])
    people.add_child(caregiver, child, people.household_parent(caregiver))


def may_erase(state: State) -> str:
    """Erasure asked: confirmed first, or held while a case about the children is open."""
    held = erasure.held(state.phone, state.lang, person_id=state.data["person_id"])
    if held is None:
        return "me.erase_confirm"
    state.data.update(held)
    return "me.erase_held"


def erase_me(state: State, _answer: str) -> None:
    """After the PIN: this person's data and their children's, erased (as SMS HAPUS YA),
    unless a case opened since the question holds it."""
    held = erasure.held(state.phone, state.lang, person_id=state.data["person_id"])
    if held is not None:
        state.data.update(held)
        raise SessionEndError("erase.held")
    erasure.erase(state.phone, person_id=state.data["person_id"])


SCREENS = {
    "start": Branch(identify, ("home", "home.new", "people.pick", "officer.home")),
    "home.new": Menu(
        "root.title",
        (
            # Clean answers: a registration begun before "00" must not add its children.
            Choice("root.register", "reg.role", forget_registration, number="1"),
            Choice("root.check", "cek", number="2"),
            Choice("root.report", "lapor", number="4"),
            Choice("root.info", "info", number="5"),
            Choice("root.language", "language", number="6"),
        ),
    ),
    "home": Menu(
        "home.title",
        (
            Choice("home.my_data", "pin.gate", after_pin("me"), number="1"),
            Choice("root.check", "cek", number="2"),
            Choice(
                "home.children",
                "pin.gate",
                after_pin("children"),
                number="3",
                when=has_children_menu,
            ),
            Choice("root.report", "lapor", number="4"),
            Choice("root.info", "info", number="5"),
            Choice("root.language", "language", number="6"),
            Choice(
                "home.add_child", "pin.gate", after_pin("child.name"), number="7", when=is_caregiver
            ),
            Choice("home.register_other", "reg.role", register_other, number="8"),
            Choice("home.switch", "start", switch_person, number="9", when=several_people),
        ),
    ),
    "people.pick": Pick(
        "people.pick",
        names,
        "start",
        choose_person,
        (Choice("people.new", "reg.role", forget_registration),),
    ),
    "pin.gate": Branch(
        pin_gate, ("pin.passed", "pin.ask", "pin.prove", "pin.ask_officer", "start")
    ),
    "pin.ask": Input("pin.ask", answers.own_pin, "pin.passed", unlock),
    "pin.prove": Input("pin.prove", answers.register_fact, "pin.create"),
    "pin.ask_officer": End("pin.ask_officer"),
    "pin.create": Input("pin.create", answers.new_pin, "pin.create_again", keep("pin_hash")),
    "pin.create_again": Input("reg.pin_again", answers.same_pin, "pin.passed", set_first_pin),
    "pin.passed": Branch(passed, ("me", "child.name", "children")),
    "children": Branch(children_menu, ("kabar", "anak")),
    "anak": Branch(children_news, ("anak.screen",)),
    "anak.screen": End("anak.screen"),
    "me": Menu(
        "me.summary",
        (
            Choice("me.edit_name", "me.name"),
            Choice("me.edit_village", "me.village"),
            Choice("me.erase", "me.erase"),
        ),
    ),
    "me.erase": Branch(may_erase, ("me.erase_confirm", "me.erase_held")),
    "me.erase_held": End("erase.held"),
    "me.erase_confirm": Menu(
        "me.erase_confirm",
        (
            Choice("me.erase_yes", "me.erased", erase_me, number="1"),
            Choice("answer.no", "me", number="2"),
        ),
    ),
    "me.erased": End("me.erased"),
    "me.name": Input("reg.name", answers.name, "me.saved", update_name),
    "me.village": Input("reg.village", answers.village_code, "me.village_ok", keep_village),
    "me.village_ok": Menu(
        "village.confirm",
        (
            Choice("answer.yes", "me.saved", update_village, number="1"),
            Choice("village.change", "me.village", number="2"),
        ),
    ),
    "me.saved": End("me.saved"),
    "child.name": Input("reg.child_name", answers.name, "child.year", start_child),
    "child.year": Input("reg.child_year", answers.birth_year, "child.school", keep_child_year),
    "child.school": Menu(
        "reg.child_school",
        (
            Choice("answer.yes", "child.consent", keep("child_school")),
            Choice("answer.no", "child.consent", keep("child_school")),
        ),
    ),
    "child.consent": Menu(
        "child.consent",
        (
            Choice("reg.agree", "child.saved", save_child),
            Choice("reg.disagree", "reg.declined"),
        ),
    ),
    "child.saved": End("child.saved"),
}
