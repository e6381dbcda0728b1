"""SMS keywords: the first word picks a handler; anything unknown gets one short help SMS."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import replace

from gateway import checkin_codes, checkins, contacts, danger, erasure, i18n, officers, summaries
from gateway.checkin_codes import codes_sms
from gateway.phone import is_abroad
from gateway.sms import checkin, officer
from gateway.sms.message import MAX_PARSED, Message
from gateway.verification import service


def stop(message: Message, _rest: str) -> str:
    """STOP: no more broadcasts to this number."""
    contacts.set_opted_out(message.phone, True)
    return message.reply("sms.stopped")


def resume(message: Message, _rest: str) -> str:
    """MULAI: broadcasts again."""
    contacts.set_opted_out(message.phone, False)
    return message.reply("sms.started")


def check(message: Message, rest: str) -> str:
    """CEK <agency name, licence number or job-order code>: the verification answer."""
    if not any(character.isalnum() for character in rest):  # "CEK", "CEK ?", an emoji alone
        return message.reply("cek.empty")
    return service.verify(rest, message.phone, "sms", message.lang)[1]


def report(message: Message, rest: str) -> str:
    """LAPOR <text>: a broker report, passed to the village officer."""
    if len(rest) < 3:
        return message.reply("lapor.empty")
    return service.report_broker(message.phone, rest, "sms", message.lang)


def help_child(message: Message, rest: str) -> str:
    """TOLONG <text>: a child in danger; a case for the village officer at once, from anyone."""
    return danger.report(message.phone, rest, "sms", message.lang, urgent=True)  # asked for help


def register(message: Message, _rest: str) -> str:
    """DAFTAR: how to register, or, to someone registered, that they are and where to look."""
    if danger.is_registered(message.phone):
        return message.reply("sms.registered_already")
    return message.reply("sms.register")


def children_news(message: Message, rest: str) -> str | list[str]:
    """ANAK: the latest news of a migrant's children; ANAK BULANAN / BERHENTI: monthly on/off."""
    choice = rest.split()[0].upper() if rest.split() else ""
    if choice in ("BULANAN", "BERHENTI") and summaries.set_monthly(
        message.phone, choice == "BULANAN"
    ):
        return message.reply("anak.monthly_on" if choice == "BULANAN" else "anak.monthly_off")
    news = summaries.for_parent(message.phone, message.lang, message.ussd_code)
    if (
        _a_sentence(rest)
        and not ASKS_FOR_NEWS.search(rest)
        and summaries.gives_news_to(message.phone)
    ):
        # "anak saya disuruh kerja di kebun": the news, and how to tell the officer of a danger
        return [*news, message.reply("sms.about_a_child")]
    return news


# A parent's sentence after ANAK that asks for the news, not one that tells of something.
ASKS_FOR_NEWS = re.compile(
    r"\?|\b(?:kabar\w*|gimana|bagaimana|gmn|gmna|piye|pripun|how|news|apa)\b", re.I
)


def my_data(message: Message, _rest: str) -> str:
    """DATA: what is stored about this number."""
    return erasure.stored_about(message.phone, message.lang)


def erase(message: Message, rest: str) -> str:
    """HAPUS asks for confirmation; HAPUS YA within 10 minutes erases the number's data. Both
    wait while a case about the children (or reported from this number) is open."""
    if not erasure.holds_data(message.phone):
        return message.reply("data.none")
    held = erasure.held(message.phone, message.lang)
    if held is not None:
        return i18n.fit(message.lang, "erase.held", held, shorten="officer")
    if re.sub(r"[^A-Z]", "", rest.upper()) in ("YA", "YES", "INGGIH", "NGGIH"):  # "ya." too
        erased = erasure.confirm(message.phone)
        if erased is None:
            return message.reply("erase.expired")
        # Only what went: a parent abroad's children stay in their caregiver's household.
        return message.reply("erase.done" if erased.children else "me.erased")
    children = erasure.ask(message.phone)
    return message.reply("erase.confirm" if children else "erase.confirm_self")


def help_text(message: Message, _rest: str) -> str:
    """Anything we do not understand: what one can send (staff: their own commands)."""
    return message.reply("sms.help_officer" if officers.is_officer(message.phone) else "sms.help")


KEYWORDS: dict[str, Callable[[Message, str], str]] = {
    "CEK": check,
    "LAPOR": report,
    "TOLONG": help_child,
    "TULUNG": help_child,  # Javanese
    "TLG": help_child,  # how "tolong" is often shortened in an SMS
    "HELP": help_child,  # a parent abroad may write in English
    "DAFTAR": register,
    "STOP": stop,
    "UNREG": stop,  # how Indonesian SMS services are left
    "BERHENTI": stop,
    "MULAI": resume,
    "OK": officer.acknowledge,
    "OKE": officer.acknowledge,  # as many write it
    "SELESAI": officer.close,
    "KASUS": officer.open_cases,
    "INFO": officer.info,
    "ANAK": children_news,
    "DATA": my_data,
    "HAPUS": erase,
}


OFFICER_COMMANDS = ("OK", "OKE", "SELESAI", "KASUS", "INFO")  # an officer's note may name a danger
COURTESY_KEYWORDS = ("CEK", "LAPOR", "DAFTAR", "STOP", "MULAI")  # "tolong cek ..."


def redacted(text: str) -> str:
    """The message as it may be stored: an INFO command's PIN masked (any run of 4 to 8
    digits after the reference, however it is separated: "INFO,K1AB2C,1234")."""
    keyword, rest = parse(text)
    if keyword != "INFO":
        return text
    ref, _, after = re.sub(r"[,;:]", " ", rest).strip().partition(" ")
    return f"INFO {ref} ****" if after.strip() else text


def parse(text: str) -> tuple[str | None, str]:
    """The keyword of a message (exact, or a close typo of one) and the rest of its words."""
    # A keyword's own punctuation does not make it another word: "HAPUS,YA", "LAPOR: ...".
    words = re.sub(r"^\s*([A-Za-z]+)[,.;:!?]+", r"\1 ", text[:MAX_PARSED]).split()
    if not words:
        return None, ""
    first, rest = words[0].upper(), " ".join(words[1:])
    if first in KEYWORDS:
        return first, rest
    if len(first) >= 4:  # short words are too easily a different word, not a typo
        close = difflib.get_close_matches(first, KEYWORDS, n=1, cutoff=0.75)
        if close:
            return close[0], rest
    return None, rest


def speaks_of_danger(message: Message) -> bool:
    """TOLONG, a family's words of danger, a broker report about a child or a problem code
    in check-in digits: never silenced by a limit (each child's case is opened once)."""
    keyword, rest = parse(message.text)
    text = message.text[:MAX_PARSED]
    if KEYWORDS.get(keyword) is help_child or danger.speaks_of_danger(text, message.phone):
        return True
    if keyword == "LAPOR":
        return danger.is_about_a_child(rest, message.phone)
    if not danger.is_registered(message.phone):
        return False  # a stranger's digits open no case: a flood of them is only a flood
    reading = checkin_codes.read(text) or checkin_codes.read_among_words(text)
    return reading is not None and any(checkin_codes.serious_problems(reading))


def _plain_words(keyword: str | None, rest: str, phone: str) -> bool:
    """Whether a message is words rather than a keyword: none known, or ANAK starting a
    sentence ("anak saya sudah pulang ...") from a family at home rather than a parent
    abroad asking for the children's news ("Anak saya gimana kabarnya?")."""
    if keyword is None:
        return True
    return keyword == "ANAK" and _a_sentence(rest) and not is_abroad(phone)


def _a_sentence(rest: str) -> bool:
    """Whether what follows ANAK is a sentence, not BULANAN or BERHENTI."""
    words = rest.upper().split()
    return len(words) > 1 and words[0] not in ("BULANAN", "BERHENTI")


def _unread_words_about_a_child(keyword: str | None, rest: str, message: Message) -> bool:
    """Words about a child with no keyword or danger word we know ("anak saya takut pulang"),
    from a number that ANAK gives no news to."""
    words = keyword is None or (keyword == "ANAK" and _a_sentence(rest))
    return (
        words
        and danger.is_about_a_child(message.text[:MAX_PARSED], message.phone)
        and not summaries.gives_news_to(message.phone)
    )


def route(message: Message) -> tuple[str | None, list[str]]:
    """Run the handler for this message; return its keyword (None: help) and the SMS to send."""
    keyword, rest = parse(message.text)
    answered = checkin.answer(message, among_words=_plain_words(keyword, rest, message.phone))
    if answered is not None:
        return "checkin", answered
    if keyword == "HELP":
        if not contacts.language_of(message.phone, ""):
            # Written in English by a number that chose no language (a parent abroad, often):
            # answered in English, not in the village's language.
            message = replace(message, lang="en")
        if not danger.categories_in(rest):
            keyword = None  # "help, what are the keywords?": the keyword list, no case
    if KEYWORDS.get(keyword) is help_child:
        # "tolong cek PT X" is "please check": before a family's keyword, and with no word of
        # danger, TOLONG is a courtesy.
        polite, polite_rest = parse(rest)
        if polite in COURTESY_KEYWORDS and not danger.categories_in(rest):
            keyword, rest = polite, polite_rest
    elif (
        keyword != "CEK"
        and not (keyword in OFFICER_COMMANDS and officers.is_officer(message.phone))
        and danger.speaks_of_danger(message.text[:MAX_PARSED], message.phone)
    ):
        # "anak saya dipukul", "Lapor anak sy dipukul", "mulai kemarin anak saya hilang":
        # a family's words of danger are a report whatever word comes first.
        return "TOLONG", [danger.report(message.phone, message.text, "sms", message.lang)]
    more_about = (
        danger.case_for_more_words(message.phone, message.text)
        if _plain_words(keyword, rest, message.phone)
        else None
    )
    if more_about is not None:
        # More about a case the family has open: to that case, and its officer is told.
        return "TOLONG", [
            danger.report(message.phone, message.text, "sms", message.lang, more_about=more_about)
        ]
    waiting = checkins.pending(message.phone) if keyword is None else []
    if waiting:
        # "ya semua baik" with a check-in waiting: how to answer it, not the keyword list; a
        # problem named ("4 Kekerasan", "Dewi kode 4") is reported at once.
        reported = checkin.named_problems_reported(message, waiting)
        return "checkin", [*reported, message.reply("checkin.correction"), codes_sms(message.lang)]
    if _unread_words_about_a_child(keyword, rest, message):
        # Not the keyword list: how to reach the village officer if the child is in danger.
        return None, [message.reply("sms.about_a_child")]
    handler = KEYWORDS.get(keyword, help_text) if keyword else help_text
    reply = handler(message, rest)
    return keyword, [reply] if isinstance(reply, str) else reply
