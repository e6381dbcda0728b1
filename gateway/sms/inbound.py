"""The inbound SMS callback: store once, route, queue the answer."""

from __future__ import annotations

from gateway import contacts, gsm7, i18n, inbox, limits, outbox, people
from gateway.providers.africastalking import IncomingSms
from gateway.sms.keywords import redacted, route, speaks_of_danger
from gateway.sms.message import Message
from gateway.transactions import unit_of_work


def receive(sms: IncomingSms, default_lang: str, ussd_code: str) -> bool:
    """Handle one inbound SMS; False when it was a replay of one already handled."""
    phone, text = sms.phone, sms.text
    with unit_of_work():
        inbound_id = inbox.store(sms, redacted(text))  # an officer's PIN is never stored
        if inbound_id is None:
            return False
        lang = people.language_for(phone, default_lang)
        if i18n.written_in_english(text) and not contacts.language_of(phone, ""):
            lang = "en"  # no language chosen, written in English: answered in English
        message = Message(phone, text, lang, ussd_code)
        verdict = limits.count("sms", phone, "INBOUND_SMS_PER_HOUR")
        if verdict is limits.Verdict.ALLOW or speaks_of_danger(message):
            keyword, replies = route(message)
        else:  # a flood: one polite answer, then silence; every message is still stored
            keyword = "limited"
            replies = [message.reply("limit.sms")] if verdict is limits.Verdict.WARN else []
        inbox.set_keyword(inbound_id, keyword)
        for reply in replies:
            for part in gsm7.numbered_parts(gsm7.to_gsm7(reply)):
                outbox.add(phone, part)
    return True
