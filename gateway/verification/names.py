"""Agency names and codes made comparable, and the agencies a (misspelt) name may mean."""

from __future__ import annotations

import re
import unicodedata

from gateway import gsm7

LEGAL_FORMS = frozenset({"PT", "CV"})  # the only words a name is forgiven (DOMAIN.md rule 1)
# PT or CV, dotted or spaced ("P.T.", "C. V."), as a word of its own at the start or the end:
# "Sinar PT Harapan" or "Sinar Harapan Mulia Tbk" is another name, not a way to write one.
_FORM = r"(?:P\W{0,2}T|C\W{0,2}V)"
_LEADING_FORM = re.compile(rf"^\W*({_FORM})(?![A-Z0-9])")
_TRAILING_FORM = re.compile(rf"(?<![A-Z0-9])({_FORM})\W*$")
EMOJI_STYLE = "\ufe0f"  # after a symbol, asks for it drawn as an emoji: no character of its own
CLOSE = 72  # a registered name this close to the query is named in the answer
WORD_FIT = 75  # a word this close to one of the name's is that word mistyped ("AMJU", "MAJU")


def plain_punctuation(text: str) -> str:
    """`text` with its Unicode punctuation, spaces and symbols made ASCII: curly quotes, primes
    and dashes as their straight kin, any other (an emoji too) as a space. Letters stay as
    typed ("Ö" is no "O")."""
    text = gsm7.plain_marks(text)
    if text.isascii():
        return text
    return "".join(
        " " if not c.isascii() and unicodedata.category(c)[0] in "PZSC" else c
        for c in text.replace(EMOJI_STYLE, "")
    )


def normalise(name: str) -> str:
    """Upper case, the legal form PT/CV at the start or the end dropped, punctuation dropped,
    spaces squeezed: what two ways of writing one name have in common, and nothing more."""
    name = plain_punctuation(name)
    upper = _TRAILING_FORM.sub(" ", _LEADING_FORM.sub(" ", name.upper(), count=1), count=1)
    return " ".join(re.sub(r"[^A-Z0-9]+", " ", upper).split())


def spaces_left_out(typed: str, registered: str) -> bool:
    """Whether normalised `typed` is normalised `registered` with some of its spaces left out:
    each typed word whole registered words run together ("SINARHARAPAN MULIA"), never a word
    split or a space moved ("SINARHA RAPAN MULIA")."""
    if typed.replace(" ", "") != registered.replace(" ", ""):
        return False
    return _word_ends(typed) <= _word_ends(registered)


def _word_ends(key: str) -> set[int]:
    """Where each word of a normalised name ends, counted in letters and digits."""
    ends, total = set(), 0
    for word in key.split():
        total += len(word)
        ends.add(total)
    return ends


def without_legal_form(name: str) -> str:
    """A name as people say it: "PT Maju Jaya" is "Maju Jaya" (saves room in one SMS)."""
    found = _LEADING_FORM.match(name.upper())
    return name[found.end() :].strip(" .,") if found and name[found.end() :].strip() else name


def legal_form(name: str) -> str | None:
    """The legal form a name starts or ends with (PT or CV), if any."""
    upper = name.upper()
    found = _LEADING_FORM.match(upper) or _TRAILING_FORM.search(upper)
    return re.sub(r"[^A-Z]", "", found.group(1)) if found else None


def code_key(text: str) -> str:
    """A licence number or job-order code with only its letters and digits, upper case: what
    finds the registered one (grouped() then says whether it was written exactly)."""
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def grouped(code: str) -> str:
    """A licence number or code as its groups of letters and digits, whatever separates them
    (KEP.118/PK.02/2052 and KEP 118 PK 02 2052 alike): KEP-118-PK-02-2052. Groups that differ
    (KEP.90/1PK.02/2024) make another number."""
    return "-".join(re.findall(r"[A-Z0-9]+", code.upper()))


def score(query: str, name: str) -> float:
    """How well a normalised query fits a normalised name (0-100): typos, swapped and missing
    words forgiven; a name holding every word typed scores by how much of it was typed."""
    from rapidfuzz import fuzz  # here: 4 MB that a worker process, which never compares, spares

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


def rank(
    query: str, names: dict[int, str], word_names: dict[str, frozenset[int]]
) -> list[tuple[int, float]]:
    """(id, score) of the names worth offering for `query`, best first (ties: lower id first),
    at most three. `word_names`: each word of `names` -> the ids of the names holding it."""
    scored = [
        (name_id, score(query, names[name_id]))
        for name_id in _may_score_close(query, names, word_names)
    ]
    close = [(name_id, value) for name_id, value in scored if value >= CLOSE]
    return sorted(close, key=lambda found: (-found[1], found[0]))[:3]


def _may_score_close(
    query: str, names: dict[int, str], word_names: dict[str, frozenset[int]]
) -> set[int]:
    """The ids of the names that may score() CLOSE or more, found by rapidfuzz's own (C) scorers,
    so that the slower score() runs on a few names, not the whole registry: score() reaches
    CLOSE only if its whole-name part does, which needs ratio() or token_sort_ratio() to, or if
    every word typed fits (WORD_FIT) a word of the name."""
    from rapidfuzz import fuzz, process  # here: see score()

    ids = set()
    for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
        found = process.extract(query, names, scorer=scorer, score_cutoff=CLOSE, limit=None)
        ids.update(name_id for _, _, name_id in found)
    holding_every_word = None
    for word in query.split():
        fitting = process.extract(
            word, tuple(word_names), scorer=fuzz.ratio, score_cutoff=WORD_FIT, limit=None
        )
        holding = set().union(*(word_names[fit] for fit, _, _ in fitting))
        holding_every_word = holding if holding_every_word is None else holding_every_word & holding
    return ids | (holding_every_word or set())


def shape(code: str) -> str:
    """A licence number's or code's pattern: its groups (grouped()), each run of digits one `9`
    (KEP.118/PK.02/2019 and KEP-118-PK-02-2019 -> KEP-9-PK-9-9)."""
    return re.sub(r"\d+", "9", grouped(code))


def looks_like_licence(query: str, licence_shapes: frozenset[str], codes_use_slashes: bool) -> bool:
    """Whether `query` is written like a licence number: the pattern (shape()) of one in the
    registry, or, while no job-order code has one, a decree-style number with a slash and
    digits (KEP.118/PK.02/2052)."""
    if shape(query) in licence_shapes:
        return True
    return not codes_use_slashes and "/" in query and len(re.findall(r"\d", query)) >= 4


def looks_like_code(query: str) -> bool:
    """Whether `query` is written like a job-order code rather than a name: digits, and either
    four of them or no word of three letters or more (JO-TW-001, JO TW 0O01, JOTW001)."""
    digits = len(re.findall(r"\d", query))
    words = re.findall(r"[A-Z0-9]+", query.upper())
    return digits >= 4 or (digits > 0 and not any(w.isalpha() and len(w) >= 3 for w in words))
