"""Agency names and codes made comparable, and the agencies a (misspelt) name may mean."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

LEGAL_FORMS = frozenset({"PT", "CV", "P3MI", "PPTKIS", "PJTKI", "TBK", "PERSERO"})
CLOSE = 72  # a registered name this close to the query is named in the answer
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


def legal_form(name: str) -> str | None:
    """The legal form a name starts with (PT, CV...), if any."""
    words = re.sub(r"[^A-Z0-9]+", " ", name.upper()).split()
    return words[0] if words and words[0] in LEGAL_FORMS else None


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


def shape(code: str) -> str:
    """A licence number's or code's pattern: letters kept, each run of digits one `9`
    (KEP.118/PK.02/2019 -> KEP.9/PK.9/9)."""
    return re.sub(r"\d+", "9", " ".join(code.upper().split()))


def looks_like_licence(query: str, licence_shapes: frozenset[str], codes_use_slashes: bool) -> bool:
    """Whether `query` is written like a licence number: the pattern (shape()) of one in the
    registry, or, while no job-order code has one, a decree-style number with a slash and
    digits (KEP.118/PK.02/2052)."""
    if shape(query) in licence_shapes:
        return True
    return not codes_use_slashes and "/" in query and len(re.findall(r"\d", query)) >= 4
