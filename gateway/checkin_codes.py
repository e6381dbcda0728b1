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


@dataclass(frozen=True)
class Reading:
    """A caregiver's SMS read as check-in answers: one child's five digits, or several
    children's one after the other (`answers`; None: digits that are no answer, `digits`),
    and the words after them."""

    answers: list[dict[str, int]] | None
    digits: list[int]
    words: str


def read(text: str) -> Reading | None:
    """The check-in answers an SMS starts with ("11114.", "1 1 1 1 4 dipukul", "11111 11114");
    None when it is no attempt at an answer (no digits first, or words after digits that are
    no answer: "2 anak saya dipukul")."""
    match = _LEADING_DIGITS.fullmatch(text.strip())
    if match is None:
        return None
    digits = [int(d) for d in re.findall(r"\d", match.group(1))]
    words = match.group(2).strip()
    answers = _answers(digits)
    if answers is None and words:
        return None
    return Reading(answers, digits, words)


def _answers(digits: list[int]) -> list[dict[str, int]] | None:
    if not digits or len(digits) % len(QUESTIONS):
        return None
    chunks = [digits[i : i + len(QUESTIONS)] for i in range(0, len(digits), len(QUESTIONS))]
    if not all(set(c[:-1]) <= {YES, NO} and c[-1] in PROBLEMS for c in chunks):
        return None
    return [dict(zip(QUESTIONS, chunk, strict=True)) for chunk in chunks]


def serious_problem(digits: list[int]) -> str | None:
    """The problem a malformed answer still names in its fifth digit ("0 0 0 0 3"): a child
    in danger is never lost to a typo in the other four."""
    if len(digits) != len(QUESTIONS):
        return None
    return problem(digits[-1])


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
