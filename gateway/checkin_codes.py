"""The one table of check-in questions and problem codes: the SMS prompt, the USSD menu, the SMS
parser, the correction, help and INFO all read it, so a digit means the same on every channel."""

from __future__ import annotations

import re

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
_ANSWER = re.compile(r"[12]\D*[12]\D*[12]\D*[12]\D*[1-8]")


def parse(text: str) -> dict[str, int] | None:
    """Five digits, separators allowed: school, health, mood, contact (1 yes, 2 no), problem."""
    cleaned = text.strip()
    if not _ANSWER.fullmatch(cleaned):
        return None
    return dict(zip(QUESTIONS, (int(d) for d in re.findall(r"\d", cleaned)), strict=True))


def looks_like_an_answer(text: str) -> bool:
    """Digits and separators only: an attempt at an answer, even a malformed one."""
    return bool(re.fullmatch(r"[\d\s,.\-/]+", text.strip())) and any(c.isdigit() for c in text)


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
