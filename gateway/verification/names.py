"""Agency names and codes made comparable, and the agencies a (misspelt) name may mean."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

LEGAL_FORMS = frozenset({"PT", "CV", "P3MI", "PPTKIS", "PJTKI", "TBK", "PERSERO"})
CLEAR = 86  # a score this good, well ahead of the next, is the agency meant
CLOSE = 72  # anything this good is offered as a choice
AHEAD = 6
WORD_FIT = 75  # a word this close to one of the name's is that word mistyped ("AMJU", "MAJU")


def normalise(name: str) -> str:
    """Upper case, punctuation dropped, legal forms (PT, CV...) dropped, spaces squeezed."""
    words = re.sub(r"[^A-Z0-9]+", " ", name.upper()).split()
    return " ".join(w for w in words if w not in LEGAL_FORMS)


def without_legal_form(name: str) -> str:
    """A name as people say it: "PT Maju Jaya" is "Maju Jaya" (saves room in one SMS)."""
    words = name.split()
    while words and re.sub(r"[^A-Z0-9]", "", words[0].upper()) in LEGAL_FORMS:
        words = words[1:]
    return " ".join(words) or name


def code_key(text: str) -> str:
    """A licence number or job-order code with only its letters and digits, upper case."""
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def score(query: str, name: str) -> float:
    """How well a normalised query fits a normalised name (0-100): typos, swapped and missing
    words forgiven; a name holding every word typed scores by how much of it was typed."""
    # Word order counts a little, so "ABADI BANGUN" beats "BANGUN ABADI" for "ABADI BANGUN".
    whole = (3 * fuzz.token_sort_ratio(query, name) + fuzz.ratio(query, name)) / 4
    query_words, name_words = query.split(), name.split()
    if not query_words or not name_words:
        return whole
    fits = [max(fuzz.ratio(w, n) for n in name_words) for w in query_words]
    if min(fits) < WORD_FIT:
        return whole
    typed = sum(len(w) for w in query_words) / sum(len(n) for n in name_words)
    return max(whole, (70 + 30 * min(typed, 1.0)) * sum(fits) / len(fits) / 100)


def rank(query: str, names: dict[int, str]) -> list[tuple[int, float]]:
    """(id, score) of the names worth offering for `query`, best first, at most three."""
    found = process.extract(
        query, names, scorer=lambda q, n, **_: score(q, n), limit=3, score_cutoff=CLOSE
    )
    return [(name_id, value) for _, value, name_id in found]


def is_clear(ranked: list[tuple[int, float]]) -> bool:
    """Whether the best candidate is good enough, and far enough ahead, to answer for it."""
    if not ranked or ranked[0][1] < CLEAR:
        return False
    return len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= AHEAD
