"""The flow engine on small flows made for each test, and the validator on the real one."""

import pytest

from gateway.flows import FLOW, engine
from gateway.flows.screens import Choice, End, Flow, Input, InvalidAnswerError, Menu
from gateway.flows.validate import problems


def test_the_real_flow_has_no_dangling_or_unreachable_screen():
    assert problems(FLOW) == []


def test_the_validator_reports_a_link_to_a_missing_screen_and_an_unreachable_one():
    flow = Flow(
        "root",
        {
            "root": Menu("root.title", (Choice("root.info", "nowhere"),)),
            "orphan": End("language.saved"),
        },
    )
    found = problems(flow)
    assert "root -> missing screen 'nowhere'" in found
    assert "orphan is unreachable" in found


def test_the_validator_reports_a_missing_text_and_clashing_numbers():
    flow = Flow(
        "root",
        {
            "root": Menu("no.such.key", (Choice("root.info", "root", number="98"),)),
        },
    )
    found = problems(flow)
    assert any("no id text 'no.such.key'" in p for p in found)
    assert any("choice numbers clash" in p for p in found)


def _year(_state, answer: str) -> int:
    if not answer.isdigit() or not 1900 < int(answer) < 2100:
        raise InvalidAnswerError("error.invalid_choice")
    return int(answer)


def _keep(state, value):
    state.data["year"] = value


FLOW_WITH_INPUT = Flow(
    "root",
    {
        "root": Menu("root.title", (Choice("root.info", "ask"),)),
        "ask": Input("info.title", _year, "done", action=_keep),
        "done": End("language.saved"),
    },
)


def test_an_input_is_validated_before_its_action_keeps_it():
    state, reply = engine.start(FLOW_WITH_INPUT, "+6281234567890", "id")
    state, reply = engine.step(FLOW_WITH_INPUT, state, "1")
    assert reply.text.startswith("Info resmi")
    state, reply = engine.step(FLOW_WITH_INPUT, state, "abc")
    assert reply.text.startswith("Pilihan salah.\nInfo resmi")
    assert state.screen == "ask" and "year" not in state.data
    state, reply = engine.step(FLOW_WITH_INPUT, state, " 2010 ")
    assert reply.end and state.data == {"year": 2010}


def test_navigation_back_root_and_more(app):
    state, reply = engine.start(FLOW, "+6281234567890", "id")
    state, reply = engine.step(FLOW, state, "5")
    state, reply = engine.step(FLOW, state, "2")
    first_page = reply.text
    assert "98 Lanjut" in first_page
    state, reply = engine.step(FLOW, state, "98")
    assert state.page == 1 and reply.text != first_page
    state, reply = engine.step(FLOW, state, "0")
    assert reply.text == first_page
    state, reply = engine.step(FLOW, state, "0")
    assert state.screen == "info"
    state, reply = engine.step(FLOW, state, "00")
    assert state.screen == "home.new" and state.history == []


@pytest.mark.parametrize("answer", ["7", "", "abc", "0", "98", "1" * 500])
def test_a_wrong_answer_at_the_root_repeats_it_with_an_error_line(app, answer):
    state, first = engine.start(FLOW, "+6281234567890", "en")
    state, reply = engine.step(FLOW, state, answer)
    assert not reply.end
    assert reply.text.split("\n", 1)[1] == first.text
    assert reply.text.split("\n", 1)[0] in ("Invalid choice.", "Too long: 160 letters at most")


def _shown_screens():
    from gateway.flows.screens import Branch, End

    return [sid for sid, s in FLOW.screens.items() if not isinstance(s, Branch | End)]


@pytest.mark.parametrize("screen_id", _shown_screens())
def test_0_00_and_98_work_on_every_screen(app, screen_id):
    from gateway.models import Person
    from tests.test_catalogs import SESSION

    person = Person.create(phone="+6281234567890", name="Siti", role="caregiver")

    def at_screen():
        data = dict(SESSION, person_id=person.id)
        return engine.State(
            phone=person.phone, lang="id", screen=screen_id, history=["home.new", "info"], data=data
        )

    state, reply = engine.step(FLOW, at_screen(), "0")
    assert state.screen == "info" and not reply.end
    state, reply = engine.step(FLOW, at_screen(), "00")
    assert state.history == [] and state.screen == "home" and not reply.end
    state = at_screen()
    page_count = len(engine.pages(FLOW, state))
    state, reply = engine.step(FLOW, state, "98")
    if page_count > 1:
        assert state.page == 1 and state.screen == screen_id
    else:  # nothing more to show: 98 is an ordinary answer there
        assert state.page == 0


def test_a_line_cut_into_pages_never_has_the_heading_in_the_middle_of_its_words(app):
    flow = Flow("case", {"case": Menu("officer.case_text", (Choice("root.info", "case"),))})
    words = " ".join(f"kata{n}" for n in range(36))  # 250 letters: two pages and a bit
    state, first = engine.start(
        flow, "+6281234567890", "id", data={"case_text": f"Kasus X:\n{words}"}
    )
    screens = [first.text]
    while "98 " in screens[-1].splitlines()[-1]:
        state, reply = engine.step(flow, state, "98")
        screens.append(reply.text)
    assert len(screens) >= 3 and all(len(screen) <= 160 for screen in screens)
    body = [line for screen in screens for line in screen.splitlines()[:-1]]
    assert " ".join(line for line in body if line not in ("Kasus X:", "1 Info")) == words
    assert not any(screen.startswith("Kasus X:\nkata") for screen in screens[1:])
