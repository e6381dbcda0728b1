"""The menu map: every USSD screen drawn once from the root (then linked), in id, en or jv or
side by side, with its septet count and the error lines it can really show; staff only."""

import re

import pytest

from gateway import gsm7, i18n
from gateway.flows import FLOW, menu_map, samples
from gateway.flows.screens import Branch, Input, InvalidAnswerError
from tests.conftest import OFFICER, OPERATOR, SUPERVISOR, log_in

PAGE_LIMIT = 100 * 1024


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node.children)


def test_every_screen_is_drawn_exactly_once_and_reached_again_by_a_link(app):
    nodes = list(walk(menu_map.tree(["id"])))
    drawn = [n.screen_id for n in nodes if not n.repeat]
    assert sorted(drawn) == sorted(FLOW.screens)  # every screen, none twice
    assert all(not n.children and not n.texts for n in nodes if n.repeat)
    assert nodes[0].screen_id == FLOW.root and nodes[0].kind == "branch"


def test_each_screen_is_the_engines_text_with_its_septet_count(app):
    for node in walk(menu_map.tree(["en", "jv"])):
        if node.repeat or node.kind == "branch":
            continue
        for lang, shown in node.texts.items():
            assert shown.septets == max(gsm7.septets(page) for page in shown.pages)
            assert shown.septets <= gsm7.USSD_SCREEN, (node.screen_id, lang)
    language = next(n for n in walk(menu_map.tree(["jv"])) if n.screen_id == "language")
    assert language.texts["jv"].pages[0].startswith(i18n.text("jv", "language.title"))


def test_the_error_lines_listed_are_the_ones_the_validators_really_raise(app):
    tries = ["", "x", "1", "2", "12", "0000", "1234", "2001", "99999", "abc def", "x" * 70, "+1"]
    for screen_id, screen in FLOW.screens.items():
        if not isinstance(screen, Input):
            continue
        listed = menu_map.error_keys(screen)
        raised = set()
        for answer in tries:
            try:
                screen.validate(samples.state(screen_id, "id", []), answer)
            except InvalidAnswerError as error:
                raised.add(error.message)
        assert raised and raised <= set(listed), (screen_id, raised, listed)
        assert listed[-1] == "error.too_long"
    assert "answer.wrong_fact" in menu_map.all_error_keys()


def test_a_choice_shown_only_sometimes_says_when(app):
    home = next(n for n in walk(menu_map.tree(["id"])) if n.screen_id == "home")
    vias = [child.via for child in home.children]
    assert "1 " + i18n.text("id", "home.my_data") in vias
    assert any(v.startswith("7 ") and "hanya bila: Whether the person" in v for v in vias)


@pytest.mark.parametrize("phone", [OFFICER, SUPERVISOR, OPERATOR])
def test_every_staff_member_may_read_the_map_in_a_language(client, desk, phone):
    assert client.get("/desk/menu-map").status_code == 302  # staff only
    log_in(client, phone)
    page = client.get("/desk/menu-map?lang=en")
    assert page.status_code == 200
    assert i18n.text("en", "root.title") in page.text
    assert i18n.text("id", "root.title") not in page.text
    anchors = set(re.findall(r'id="s-([^"]+)"', page.text))
    assert anchors == set(FLOW.screens)
    assert set(re.findall(r'href="#s-([^"]+)"', page.text)) <= anchors


def test_compare_shows_the_three_languages_side_by_side_under_100_kb(client, desk):
    log_in(client, OFFICER)
    page = client.get("/desk/menu-map?lang=jv&compare=1")
    assert len(page.data) < PAGE_LIMIT, len(page.data)
    text = page.text
    for lang in ("id", "en", "jv"):
        assert i18n.text(lang, "reg.role").split("\n")[0] in text
    first = text.index('id="s-language"')
    assert text.index('lang="jv"', first) < text.index('lang="id"', first)  # the one asked first
    assert i18n.text("en", "answer.bad_year", min_year=2009, max_year=2026) in text


def test_an_unknown_language_falls_back_to_indonesian(client, desk):
    log_in(client, OFFICER)
    page = client.get("/desk/menu-map?lang=xx").text
    assert i18n.text("id", "root.title") in page
    assert not [s for s, screen in FLOW.screens.items() if isinstance(screen, Branch)
                and f'id="s-{s}"' not in page]  # fmt: skip
