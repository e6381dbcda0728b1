"""GSM-7: the alphabet every basic phone shows, and the length of a text in it."""

from __future__ import annotations

# GSM 03.38 basic character set (one septet each) and its extension table (two septets each).
BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
EXTENSION = "^{}\\[~]|€\f"
_BASIC = frozenset(BASIC)
_EXTENSION = frozenset(EXTENSION)

SMS_SEGMENT = 160  # septets in one single-part SMS
USSD_SCREEN = 160  # characters on one USSD screen, after the CON/END prefix


def is_gsm7(text: str) -> bool:
    """True when every character of `text` can be sent in GSM-7."""
    return all(ch in _BASIC or ch in _EXTENSION for ch in text)


def septets(text: str) -> int:
    """Length of `text` in GSM-7 septets (extension characters count twice)."""
    return sum(2 if ch in _EXTENSION else 1 for ch in text)


def fits(text: str, limit: int = SMS_SEGMENT) -> bool:
    """True when `text` is GSM-7 and no longer than `limit` septets."""
    return is_gsm7(text) and septets(text) <= limit


_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
    }
)


def to_gsm7(text: str) -> str:
    """`text` in GSM-7: typographic marks made plain, anything else unsendable becomes '?'.
    A single such character would make a phone send the whole SMS as UCS-2, at 70 a segment."""
    text = text.translate(_PLAIN)
    return "".join(ch if ch in _BASIC or ch in _EXTENSION else "?" for ch in text)
