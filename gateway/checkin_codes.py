"""The one table of check-in questions and problem codes: the SMS prompt, the USSD menu, the SMS
parser, the correction, help and INFO all read it, so a digit means the same on every channel."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gateway import i18n

# The five answers, in the order of the five digits. The first four: 1 yes, 2 no.
QUESTIONS = ("school", "health", "mood", "contact", "problem")
YES, NO = 1, 2
# The fifth digit. USSD reserves 0 for "back", so the codes start at 1 on every channel.
PROBLEMS: dict[int, str | None] = {
    1: None,  # no problem
    2: "bullying",
    3: "marriage",
    4: "violence",
    5: "missing",
    6: "recruitment",
    7: "no_caregiver",
    8: "other",
}
NO_PROBLEM = 1
URGENT = {"violence", "marriage", "missing", "recruitment", "no_caregiver", "danger"}  # DOMAIN.md
_SEPARATORS = r"[\s,.;:\-/]*"
# Digits (and separators) at the start of a message, then whatever words follow them.
_LEADING_DIGITS = re.compile(rf"{_SEPARATORS}(\d(?:{_SEPARATORS}\d)*){_SEPARATORS}(.*)", re.S)


# The question names families write beside their digits, as the prompts name the questions
# ("sekolah 1 sehat 1 senang 1 kontak 1 masalah 4", "1 1 1 1 kode (4)").
_NAMES = (
    "sekolah sehat senang seneng kontak ortu tiyang sepuh kode masalah school healthy health "
    "happy parent contact problem code"
).split()
_NAME = rf"(?:{'|'.join(_NAMES)})\b"
_NAMED_DIGITS = re.compile(rf"(?:{_NAME}|[\d\s,.;:\-/()=])+", re.I)


@dataclass(frozen=True)
class Reading:
    """A caregiver's SMS read as check-in answers: one child's five digits, or several
    children's one after the other (`answers`; None: digits that are no answer), and the
    words after them."""

    answers: list[dict[str, int]] | None
    per_child: list[list[int]]  # the digits, five per child; none when shaped as no answer is
    words: str
    # Answers among words: the words before and after each ("Ani 11113, Eka 11111").
    around: tuple[tuple[str, str], ...] = ()


def read(text: str) -> Reading | None:
    """The check-in answers an SMS starts with ("11114.", "1 1 1 1 4 dipukul", "11111 11114");
    None when it is no attempt at an answer (no digits first, or words after digits that are
    no answer: "2 anak saya dipukul", "1/12/21 HP hilang")."""
    match = _LEADING_DIGITS.fullmatch(_names_dropped(text.strip()))
    if match is None:
        return None
    groups = re.split(r"[\s,.;:\-/]+", match.group(1))
    digits = [int(d) for d in "".join(groups)]
    words = re.sub(r"^[^\w(]+", "", match.group(2).strip())  # "11114! dipukul": "dipukul"
    shaped = _shaped_as_answers(groups)
    per_child = _per_child(digits) if shaped else []
    answers = _answers(per_child)
    if shaped and not per_child and len(digits) > len(QUESTIONS):
        # "1 1 1 1 4 4", "1 1 1 1 1 4": a digit too many is no answer, but a problem code is
        # still read, in the first digits or the last (a key pressed twice, early or late)
        cut = len(digits) // len(QUESTIONS) * len(QUESTIONS)
        per_child = max(
            (_per_child(digits[:cut]), _per_child(digits[-cut:])),
            key=lambda chunks: sum(problem(chunk[-1]) is not None for chunk in chunks),
        )
    if answers is None and words:
        return None
    if words and _ANSWER_WORD.search(words):  # "11111 Dewi, 11113 Cici": answers among words
        # With another number besides ("..., tadi jam 5"): none stored, every problem read.
        return read_among_words(text, numbers_besides_unreadable=True)
    return Reading(answers, per_child, words)


def _names_dropped(text: str) -> str:
    """`text` with the question names (and brackets) written among its first digits dropped,
    the words after the last digit kept: "sekolah 1 sehat 1 ... masalah 4" is "1 1 1 1 4"."""
    match = _NAMED_DIGITS.match(text)
    head = match.group(0) if match else ""
    last_digit = max((at for at, char in enumerate(head) if char.isdigit()), default=-1)
    head = head[: last_digit + 1]
    if not re.search(r"[^\d\s,.;:\-/]", head):
        return text  # digits as written: nothing to drop
    return re.sub(rf"{_NAME}|[()=]", " ", head, flags=re.I) + text[last_digit + 1 :]


def named_problems(text: str) -> list[tuple[str, str]]:
    """The problems a message names without five digits, each with the words before it: codes
    after their name ("Dewi kode 4, Cici kode 3", "masalah: 4") or a code line of the codes
    SMS copied ("4 Kekerasan", "Rencana nikah")."""
    found, start = [], 0
    for coded in _CODE_NAMED.finditer(text):
        category = problem(int(coded.group(1)))
        if category:
            found.append((text[start : coded.start()], category))
        start = coded.end()
    if start:
        return found
    said = " ".join(re.sub(r"[^\w/]+", " ", text).lower().split())
    for lang in i18n.CATALOGS:
        for code in PROBLEMS:
            if said in (label(lang, code).lower(), f"{code} {label(lang, code).lower()}"):
                return [("", problem(code))] if problem(code) else []
    return []


_CODE_NAMED = re.compile(r"\b(?:kode|code|masalah|problem)\W{0,3}([1-8])\b", re.I)


# A child's five digits as a word of their own, together or each apart in one way ("11114",
# "1 1 1 1 4", "1-1-1-1-4"): four answers of 1 or 2, then a problem code.
# A sixth digit at the end of the digits ("1 1 1 1 4 4") is kept, to be read as a typo: the
# answer is unreadable, but its fifth still names the problem.
_ANSWER_WORD = re.compile(
    r"(?<![\d\w])[12](?P<apart>[ ,.\-]?)(?:[12](?P=apart)){3}[1-8]"
    r"(?:(?P=apart)\d(?!(?P=apart)?\d))?(?![\d\w])"
)


def read_among_words(text: str, numbers_besides_unreadable: bool = False) -> Reading | None:
    """Answers written among words ("Bu 11111 11114", "Joni 1 1 1 1 4", "anak pertama 11111
    anak kedua 11114"): each five-digit answer read in order, the words kept; None when the
    text holds no such answer, or other digits too (a date, a time, a price: no answers then;
    `numbers_besides_unreadable`: read all the same as no answer, for the problems named)."""
    matches = list(_ANSWER_WORD.finditer(text))
    rest = _ANSWER_WORD.sub(" ", text)
    besides = bool(_A_NUMBER.search(rest))
    if not matches or (besides and not numbers_besides_unreadable):
        return None
    written = [[int(digit) for digit in m.group(0) if digit.isdigit()] for m in matches]
    per_child = [digits[: len(QUESTIONS)] for digits in written]
    typo = any(len(digits) > len(QUESTIONS) for digits in written)
    edges = [0, *(edge for m in matches for edge in m.span()), len(text)]
    between = [text[edges[i] : edges[i + 1]] for i in range(0, len(edges), 2)]
    around = tuple(zip(between[:-1], between[1:], strict=True))
    answers = None if typo or besides else _answers(per_child)
    return Reading(answers, per_child, " ".join(rest.split()), around)


# A number of its own among the words (a date, a time, a price), not one in a word ("2x").
_A_NUMBER = re.compile(r"(?<![^\W\d_])\d+(?![^\W\d_])")


def _shaped_as_answers(groups: list[str]) -> bool:
    """Whether digit groups are written as answers: one digit at a time, or five (or ten...)
    together starting a child's answer, mixed as families write them ("11111 1 1 2 1 4");
    "12 12 1" and "1/12/21" are a time or a date, never an answer."""
    size, written = len(QUESTIONS), 0
    for group in groups:
        if len(group) > 1 and (written % size or len(group) % size):
            return False
        written += len(group)
    return True


def _answers(chunks: list[list[int]]) -> list[dict[str, int]] | None:
    if not chunks or not all(set(c[:-1]) <= {YES, NO} and c[-1] in PROBLEMS for c in chunks):
        return None
    return [dict(zip(QUESTIONS, chunk, strict=True)) for chunk in chunks]


def _per_child(digits: list[int]) -> list[list[int]]:
    """The digits cut into each child's five; none when they do not cut evenly."""
    size = len(QUESTIONS)
    if not digits or len(digits) % size:
        return []
    return [digits[i : i + size] for i in range(0, len(digits), size)]


def serious_problems(reading: Reading) -> list[str | None]:
    """The problem each child's fifth digit still names in a reply that is no answer ("0 0 0 0
    3", "11111 11104"): a child in danger is never lost to a typo in the other four. None
    for a reply not shaped as answers ("1/12/24" is a date)."""
    return [problem(chunk[-1]) for chunk in reading.per_child]


def problem(code: int | None) -> str | None:
    """The problem category of a fifth digit (None: no problem, or no answer)."""
    return PROBLEMS.get(code) if code is not None else None


def label(lang: str, code: int) -> str:
    """The words for problem `code`, the same on the USSD menu and in every SMS."""
    return i18n.text(lang, f"problem.{PROBLEMS[code] or 'none'}")


def code_lines(lang: str) -> list[str]:
    """Every problem code with its words: `1 None`, `2 Bullied`, ..."""
    return [f"{code} {label(lang, code)}" for code in PROBLEMS]


def code_list(lang: str) -> str:
    """The problem codes on one line, for an SMS."""
    return ", ".join(code_lines(lang))


def codes_sms(lang: str) -> str:
    """The SMS that lists the problem codes (sent with each prompt, reminder and correction)."""
    return i18n.text(lang, "checkin.codes", codes=code_list(lang))
