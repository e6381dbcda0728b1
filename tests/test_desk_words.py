"""The desk's words live in its catalog (gateway/i18n/desk.py, desk_ops.py): every key a template
(t("...")) or a view (desk_text("...")) uses is there, every key there is used, and no template
writes a sentence of its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from gateway.i18n.desk import MESSAGES

GATEWAY = Path(__file__).resolve().parent.parent / "gateway"
TEMPLATES = sorted((GATEWAY / "templates").rglob("*.html"))
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
KEY_IN_TEMPLATE = re.compile(r'\bt\(\s*"([^"]+)"')
NOT_A_LITERAL_KEY = re.compile(r'\bt\((?!\s*")')


def _template_keys() -> dict[str, set[str]]:
    """Each template's t("...") keys; a call whose key is not written out counts as "?"."""
    found = {}
    for path in TEMPLATES:
        jinja = " ".join(JINJA.findall(path.read_text()))
        keys = set(KEY_IN_TEMPLATE.findall(jinja))
        found[str(path.relative_to(GATEWAY))] = keys | (
            {"?"} if NOT_A_LITERAL_KEY.search(jinja) else set()
        )
    return found


def _view_keys() -> dict[str, set[str]]:
    """Each module's desk_text() keys (both sides of a conditional); "?" where not written out."""
    found = {}
    for path in sorted(GATEWAY.rglob("*.py")):
        keys = set()
        for node in ast.walk(ast.parse(path.read_text())):
            called = getattr(node, "func", None)
            name = getattr(called, "id", None) or getattr(called, "attr", None)
            if isinstance(node, ast.Call) and name == "desk_text" and node.args:
                keys |= _written_out(node.args[0])
        found[str(path.relative_to(GATEWAY))] = keys
    return found


def _written_out(key: ast.expr) -> set[str]:
    """The key a call names: a string, or either string of `a if ... else b`; "?" otherwise."""
    if isinstance(key, ast.IfExp):
        return _written_out(key.body) | _written_out(key.orelse)
    return {key.value} if isinstance(key, ast.Constant) and isinstance(key.value, str) else {"?"}


def test_every_key_used_is_in_the_catalog():
    used = {**_template_keys(), **_view_keys()}
    missing = {name: keys - set(MESSAGES) for name, keys in used.items() if keys - set(MESSAGES)}
    assert not missing, f"not in the desk catalog ('?': a key not written out): {missing}"


def test_every_key_in_the_catalog_is_used():
    used = set().union(*_template_keys().values(), *_view_keys().values())
    assert not set(MESSAGES) - used, sorted(set(MESSAGES) - used)


def _prose(template: str) -> str:
    """What a template shows of its own: no Jinja, scripts, styles, tags or entities."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", template, flags=re.DOTALL)
    text = JINJA.sub(" ", text)
    return re.sub(r"<[^>]*>|&\w+;", " ", text)


def test_desk_templates_write_no_sentences_of_their_own():
    sentences = {
        path.name: found
        for path in TEMPLATES
        if "desk" in path.parts
        and (found := re.findall(r"\b[a-z]+(?: +[a-z]+){2,}\b", _prose(path.read_text())))
    }
    assert not sentences, sentences
