"""The village a free-text report names: by its Kemendagri code, or by its name after "desa"
("anak di desa Sidorejo dipukul"). Where a child's case goes: never a guess between two."""

from __future__ import annotations

import re

from gateway import gsm7, people
from gateway.models import Village

_CODE = re.compile(r"\d[\d.]{8,14}\d")  # 3522010001 or 35.22.01.0001
_WORD = re.compile(r"[a-z]+")
# What a person writes before a village's name: "desa", "ds.", "kelurahan", "kel.", "village";
# or after it, in English: "in Sidorejo village".
_BEFORE_A_NAME = r"\b(?:desa|ds|kelurahan|kel|village) "
_AFTER_A_NAME = r" village\b"


def named_in(text: str, district: str | None = None, anywhere: bool = False) -> Village | None:
    """The village `text` names by code, or by name after "desa" (whole, else its first word);
    the longest name wins ("desa Sumberejo Lor" is not Sumberejo), one of `district` first
    when given (a supervisor's), and a name two villages share names none. `anywhere`: the
    answer to "which village?", where a name alone ("Sukamaju", "di Sukamaju") is one."""
    for code in _CODE.findall(text):
        village = people.find_village(code)
        if village is not None:
            return village
    said = " ".join(_words(text))
    if not anywhere and not re.search(f"{_BEFORE_A_NAME}|{_AFTER_A_NAME}", said):
        return None  # no "desa ...": no village's name to look for among them all
    villages = [(village, _words(village.name)) for village in Village.select()]
    for way in (_whole, _first_word):  # "desa Sidorejo" for "Sidorejo Lor" only if unique
        named = [
            (len(n), v) for v, words in villages if (n := way(words)) and _says(said, n, anywhere)
        ]
        ours = [(size, village) for size, village in named if village.district == district]
        named = ours or named
        if named:
            most = max(size for size, _ in named)
            longest = [village for size, village in named if size == most]
            return longest[0] if len(longest) == 1 else None
    return None


ANYWHERE_LEAST = 6  # letters: a name alone this long is no common word ("pasar", "baru")


def _says(said: str, name: str, anywhere: bool = False) -> bool:
    if anywhere and len(name) >= ANYWHERE_LEAST and re.search(rf"\b{name}\b", said):
        return True
    return re.search(rf"{_BEFORE_A_NAME}{name}\b|\b{name}{_AFTER_A_NAME}", said) is not None


def _whole(words: list[str]) -> str:
    return " ".join(words)


def _first_word(words: list[str]) -> str:
    """The first word of a name of several, when it is not a short common one ("Sukamaju"
    for "Sukamaju Contoh"; not "Sei" of "Sei Rampah")."""
    return words[0] if len(words) > 1 and len(words[0]) >= 5 else ""


def _words(text: str) -> list[str]:
    return _WORD.findall(gsm7.without_accents(text).lower())
