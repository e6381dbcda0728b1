"""GSM-7: the alphabet every basic phone shows, and the length of a text in it."""

from __future__ import annotations

import re
import unicodedata

# GSM 03.38 basic character set (one septet each) and its extension table (two septets each).
BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
EXTENSION = "^{}\\[~]|€\f"
# Regular expressions do the per-character work in C: every screen and SMS is measured.
_NOT_GSM7 = re.compile(f"[^{re.escape(BASIC + EXTENSION)}]")
_EXTENDED = re.compile(f"[{re.escape(EXTENSION)}]")

SMS_SEGMENT = 160  # septets in one single-part SMS
USSD_SCREEN = 160  # characters on one USSD screen, after the CON/END prefix


def is_gsm7(text: str) -> bool:
    """True when every character of `text` can be sent in GSM-7."""
    return _NOT_GSM7.search(text) is None


def septets(text: str) -> int:
    """Length of `text` in GSM-7 septets (extension characters count twice)."""
    return len(text) + len(_EXTENDED.findall(text))


def fits(text: str, limit: int = SMS_SEGMENT) -> bool:
    """True when `text` is GSM-7 and no longer than `limit` septets."""
    return is_gsm7(text) and septets(text) <= limit


# Typographic marks phones insert (curly quotes, primes, guillemets, dashes), and the plain
# ones sent instead: the one table the SMS, the desk's counter, names and CEK all use.
PLAIN = (
    dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035`\u00b4", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"')
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")
    | {"\u2026": "..."}
)
_PLAIN = str.maketrans(PLAIN)


def plain_marks(text: str) -> str:
    """`text` with its typographic marks made plain (PLAIN)."""
    return text.translate(_PLAIN)


def without_accents(text: str) -> str:
    """`text` in ASCII, accents dropped ("Dédé" is "Dede"), what has no ASCII letter dropped."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def to_gsm7(text: str) -> str:
    """`text` in GSM-7: typographic marks made plain, a letter without its accent ("í" is
    "i"), anything else unsendable '?'. A single such character would make a phone send the
    whole SMS as UCS-2, at 70 a segment."""
    return _NOT_GSM7.sub(_plain_letter, plain_marks(text))


def _plain_letter(match: re.Match) -> str:
    bare = without_accents(match.group())
    return bare if bare and is_gsm7(bare) else "?"


PART_PREFIX_ROOM = 6  # "12/12 "


def numbered_parts(text: str, limit: int = SMS_SEGMENT) -> list[str]:
    """`text` as one SMS if it fits; else cut between words into parts of one segment each,
    numbered `1/3 `, `2/3 `... (basic phones do not join multi-part SMS reliably)."""
    if septets(text) <= limit:
        return [text]
    parts = cut(text, limit - PART_PREFIX_ROOM)
    return [f"{number}/{len(parts)} {part}" for number, part in enumerate(parts, start=1)]


def cut(text: str, room: int) -> list[str]:
    """`text` cut between words (at a pause where one is near) into parts of `room` septets
    at most; a word longer than a part (a URL...) is cut too."""
    parts: list[str] = []
    current = ""
    for word in text.split(" "):
        while septets(word) > room:  # a word longer than a part (a URL...) is cut
            if current:
                parts.append(current)
                current = ""
            cut = room
            while septets(word[:cut]) > room:
                cut -= 1
            parts.append(word[:cut])
            word = word[cut:]
        candidate = f"{current} {word}" if current else word
        if septets(candidate) <= room:
            current = candidate
            continue
        head, tail = _at_a_pause(current, room)
        parts.append(head)
        current = f"{tail} {word}" if tail else word
        if septets(current) > room:  # the words carried over and this one do not fit
            parts.append(tail)
            current = word
    if current:
        parts.append(current)
    return parts


def _at_a_pause(text: str, room: int) -> tuple[str, str]:
    """`text` cut after its last full stop, comma, semicolon or colon that leaves the part at
    least PAUSE_FILL full, so that "sehat -, senang -" is never split as "senang" | "-"; the
    words after it go to the next part. No such pause: `text` whole."""
    for mark in (". ", "; ", ": ", ", "):
        cut = text.rfind(mark)
        if cut >= 0 and septets(text[: cut + 1]) >= room * PAUSE_FILL:
            return text[: cut + 1], text[cut + 2 :]
    return text, ""


PAUSE_FILL = 0.6  # a part cut at a pause is at least this full
UCS2_SEGMENT = 70  # UTF-16 units in one single-part SMS of any other alphabet
GSM7_PART, UCS2_PART = 153, 67  # in a multi-part SMS, the header takes the rest


def segments(text: str) -> tuple[str, int, int]:
    """How a phone would send `text`: its encoding ("GSM-7" or "UCS-2"), its length in that
    encoding's units (septets, or UTF-16 units) and the number of SMS it takes."""
    if is_gsm7(text):
        encoding, length, single, part = "GSM-7", septets(text), SMS_SEGMENT, GSM7_PART
    else:
        encoding, single, part = "UCS-2", UCS2_SEGMENT, UCS2_PART
        length = len(text.encode("utf-16-le")) // 2
    count = 1 if length <= single else -(-length // part)
    return encoding, length, count
