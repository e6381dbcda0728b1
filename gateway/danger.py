"""A child in danger outside a check-in: TOLONG from anyone, a message that speaks of a child and
of danger (rule data), and a family's problem digits: a case for the village officer at once."""

from __future__ import annotations

import re
from datetime import timedelta

from gateway import (
    alerts,
    checkins,
    child_names,
    clock,
    i18n,
    officers,
    people,
    reports,
    village_names,
)
from gateway.models import Alert, Child, Person, Report, RuleItem, Village, db
from gateway.phone import is_abroad
from gateway.statuses import AlertState, ReportKind

GENERIC = "danger"  # TOLONG with no word we know: a child in danger, urgent all the same
# When one message names several dangers, the case takes the gravest; INFO shows every word.
PRIORITY = ("violence", "missing", "recruitment", "marriage", "no_caregiver", "bullying")
# What may follow a danger word in a word of the message: Indonesian, Javanese, English.
DANGER_SUFFIXES = (
    "", "i", "kan", "nya", "in", "inya", "kannya", "lah", "e", "ne", "ine", "ane", "ke", "ake",
    "aken", "ipun", "ni", "s", "es", "ed", "d", "en", "ing",
)  # fmt: skip
MOST_WORDS = 4  # in a danger_word rule: "tidak pulang", "did not come home"
SAME_REPORT = timedelta(hours=24)  # the same words again within this: the same case
_WORD = re.compile(r"[a-z]+")
# Not a child's danger, though its words are: something else lost, the child's phone, wallet
# or cat ("HP anak saya hilang", "hpku ilang"), their spirit or the signal ("hilang
# semangat"; not "anak saya hilang kontak": a child missing); a team beaten ("timnas dihajar
# Jepang 5-0"; not "anak saya dihajar 2-3 orang").
_NOT_DANGER = re.compile(
    r"\b(?:hp|handphone|ponsel|dompet|uang|duit|kucing|motor|sepeda|tas|kunci|ktp|sepatu)"
    r"(?:ku|mu|nya|ne|e)?"
    r"(?:\s+(?:anak|ank|putra|putri|lare)\w*)?(?:\s+(?:saya|sy|aku|kula|gw))?"
    r"\s+(?:hilang|ilang|ical)\b"
    r"|\b(?:hilang|ilang|ical)\s+(?:semangat|nafsu|sinyal|fokus|konsentrasi)\b"
    r"|\b(?:timnas|tim|persib\w*|persija\w*|arema\w*|klub|club|team)\s+(?:\w+\s+)?"
    r"(?:dihajar|dibantai|digilas|dikalahkan|beaten)\b"
)
# Words that point back to the child of the case open ("anak itu sekarang hilang").
_THE_SAME_CHILD = re.compile(
    r"\b(?:itu|tersebut|dia|ia|anaknya|the same|that child|she|he|her|him|kuwi|niku|punika)\b"
)


def categories_in(text: str) -> list[str]:
    """The danger categories whose words (rule data, kind danger_word) are in `text`, alone or
    with a suffix ("dipukuli", "nikahkan", "kicked"), gravest first. A rule of several words
    ("tidak pulang", "forced to work") matches them in a row, each with its suffixes."""
    readings = _readings(text)
    rules = RuleItem.select(RuleItem.value, RuleItem.note).where(RuleItem.kind == "danger_word")
    found = {
        rule.note
        for rule in rules
        if any(_says(words, rule.value.lower().split()) for words in readings)
    }
    return sorted(found, key=lambda c: PRIORITY.index(c) if c in PRIORITY else len(PRIORITY))


def _readings(text: str) -> tuple[list[str], list[str]]:
    """The words of `text` ("didn't" is "didnt"; something else lost is no lost child), and
    the same with "di"/"dipun" joined to the word after it, as people also write them apart
    ("di pukul" is "dipukul")."""
    said = _NOT_DANGER.sub(" ", text.lower().replace("'", "").replace("\u2019", ""))
    words = _WORD.findall(said)
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in ("di", "dipun"):
            joined[-1] += word
        else:
            joined.append(word)
    return words, joined


def _says(words: list[str], phrase: list[str]) -> bool:
    """Whether `words` hold the words of `phrase` in a row, each alone or with a suffix."""
    size = len(phrase)
    return any(
        all(map(_is_form_of, words[at : at + size], phrase)) for at in range(len(words) - size + 1)
    )


def _is_form_of(word: str, danger_word: str) -> bool:
    """Whether `word` is the danger word or the danger word with a suffix: not any word it
    starts ("soldier" is no "sold", "nikahan" a wedding party, not "nikah")."""
    return word.startswith(danger_word) and word[len(danger_word) :] in DANGER_SUFFIXES


def speaks_of_danger(text: str, sender: str | None = None) -> bool:
    """Whether free text names a child (a word for one, or by name a child of the sender's
    household: "Fajar mau dinikahkan") and a danger: it is read as a report."""
    return bool(categories_in(text)) and is_about_a_child(text, sender)


def is_about_a_child(text: str, sender: str | None = None) -> bool:
    """Whether free text names a child: a word for one, or by name a child of the sender's
    household."""
    if child_names.mentions_a_child(text):
        return True
    return sender is not None and bool(child_names.children_named(sender, text))


def is_registered(phone: str) -> bool:
    """Whether anyone is registered on this phone (their problem digits are read as a report)."""
    return Person.select().where(Person.phone == phone).exists()


def report(
    reporter: str,
    text: str,
    channel: str,
    lang: str,
    category: str | None = None,
    child: Child | None = None,
    urgent: bool = False,
    more_about: Alert | None = None,
) -> str:
    """Store what was said, open an urgent-as-due case for the officer of the child's village
    (the case SMS names no child), and answer with the reference, who was told and SAPA 129.
    The same words again within a day are the same case; words about a child whose case of
    that danger is open go to that case; `more_about`: the case words with no danger in them
    are more about (case_for_more_words), never a case of their own."""
    squeezed = " ".join(text.split()) or "-"
    category = category or next(iter(categories_in(squeezed)), GENERIC)
    child = child or child_names.named_child(reporter, squeezed)
    latest = _open_case_of(reporter)  # read once: whether they were asked, and what it joins
    asked = latest is not None and latest.village is None  # a village's name alone answers it
    named_village = village_names.named_in(squeezed, officers.district_of(reporter), asked)
    case = more_about or _case_to_join(latest, child, category, named_village, squeezed, reporter)
    if case is not None:
        if case.village is None and named_village is not None:
            Report.update(village=named_village).where(Report.ref == case.ref).execute()
        graver = category if _graver(category, case.category) else None
        told = alerts.update_case(case, reporter, named_village, graver, urgent)
        alerts.add_family_words(case, reporter, squeezed, tell=not told)
        return _answer_placed(case.ref, case.village, reporter, lang)
    stored = _same_report(reporter, squeezed)
    if stored is None:
        # The family's own child: their village, wherever it happened ("waktu main ke desa
        # Karangrejo"); another child: the village the text names first (a neighbour's).
        mine = child is not None or child_names.MY_CHILD.search(squeezed.lower())
        village = (
            child.caregiver.village
            if child
            else (family_village(reporter) if mine else named_village)
            or named_village
            or family_village(reporter)
        )
        with db.atomic():
            stored = reports.create(reporter, squeezed, village, channel, ReportKind.CHILD)
            alerts.open_case(
                category,
                village,
                child_id=child and child.id,
                ref=stored.ref,
                reporter=reporter,
                urgent=urgent,
            )
    return _answer_placed(stored.ref, stored.village, reporter, lang)


def _answer_placed(ref: str, village: Village | None, reporter: str, lang: str) -> str:
    """The reporter's answer; when a stranger or a supervisor named no village we know, the
    officer to tell is the child's village's: ask which it is."""
    if village is None and (officers.is_officer(reporter) or not alerts.anyone_told(ref)):
        return i18n.text(
            lang, i18n.for_abroad("tolong.which_village", is_abroad(reporter)), ref=ref
        )
    return answer(ref, lang, reporter)


def report_code(reporter: str, category: str, lang: str, words: str = "") -> str:
    """A family's problem code sent when no check-in waits: the case of their only child (one
    per child and category, as for check-ins; the words sent with the code go with it), else
    a report in the family's name, in their words if they wrote any."""
    child = child_names.only_child(reporter)
    if child is None:
        text = words or i18n.text("id", "category." + category)
        return report(reporter, text, "sms", lang, category)
    case = checkins.alert_about(child, category)
    if words:
        alerts.add_family_words(case, reporter, words)
    return answer(case.ref, lang)


def answer(ref: str, lang: str, reporter: str | None = None) -> str:
    """The reporter's answer: the reference and who was told (the officer of the case's
    village; for an officer's own report, their supervisor), or, with nobody to tell, SAPA 129
    at once (never a promise that someone will call)."""
    abroad = reporter is not None and is_abroad(reporter)  # SAPA's 129 rings in Indonesia only
    if not alerts.anyone_told(ref):
        return i18n.text(lang, i18n.for_abroad("tolong.nobody", abroad), ref=ref)
    village = Alert.get(Alert.ref == ref).village
    params = {"ref": ref, "officer": officers.contact_name(village, lang, besides=reporter)}
    return i18n.fit(lang, i18n.for_abroad("tolong.thanks", abroad), params, shorten="officer")


def _graver(category: str, than: str) -> bool:
    """Whether a danger is graver than a case's: a named one than none, or than a check-in's
    (out of school, no answer); between two named, by PRIORITY."""
    if category == GENERIC or category == than:
        return False
    if than == GENERIC or than not in PRIORITY:
        return True
    return category in PRIORITY and PRIORITY.index(category) < PRIORITY.index(than)


def _case_to_join(
    latest: Alert | None,
    child: Child | None,
    category: str,
    named_village: Village | None,
    text: str,
    reporter: str,
) -> Alert | None:
    """The open case this report is more about, if any: the child's of that danger (any of
    the child's when no danger is named: "TOLONG Fajar belum pulang"); a child not named: the
    reporter's latest open case of the last day about an unnamed child, whatever its danger
    ("anak itu sekarang hilang" after "... dipukul"), unless this names another village than
    the case's (another child, most likely); "my child" with none named: the family's one
    open case about a child, if one. `latest`: the reporter's latest open case about an
    unnamed child (_open_case_of)."""
    if child is not None:
        case = checkins.open_case_about(child, category)
        return case or (checkins.open_case_about(child) if category == GENERIC else None)
    another_village = named_village is not None and latest is not None
    if another_village and latest.village not in (None, named_village):
        return None
    if (
        latest is not None
        and latest.village is not None  # one waiting for its village: this answers it
        and category not in (GENERIC, latest.category)
        and not _THE_SAME_CHILD.search(text.lower())
    ):
        return None  # "satu lagi, ada anak ... kabur": another child, another case
    if latest is None and child_names.MY_CHILD.search(text.lower()):
        # "anak saya dipukul lagi": that case; another danger is a case of its own, as a
        # check-in opens one per child and danger (a marriage plan stays one when she is hit)
        case = _familys_one_open_case(reporter)
        return case if case is not None and category in (case.category, GENERIC) else None
    return latest


def case_for_more_words(reporter: str, text: str) -> Alert | None:
    """The open case words with no danger in them are more about ("Dewi sudah pulang tapi
    diam saja"): that of the reporter's child they name; for words about a child ("anak saya
    ..."), the reporter's latest of the last day about an unnamed child, else the one case
    open about their children. None: they are about no case ("terima kasih", a question)."""
    text = " ".join(text.split())
    latest = _open_case_of(reporter)
    if (
        latest is not None
        and latest.village is None  # they were asked which village: "Sukamaju" answers it
        and village_names.named_in(text, officers.district_of(reporter), anywhere=True)
    ):
        return latest
    child = child_names.named_child(reporter, text)
    if child is not None:
        return checkins.open_case_about(child)
    if not child_names.mentions_a_child(text) or child_names.is_anothers_child(text):
        return None
    return latest or _familys_one_open_case(reporter)


def _familys_one_open_case(reporter: str) -> Alert | None:
    """The case open about a child of this family, when there is exactly one: what "anak
    saya" means in a family of two children with one of them in a case."""
    family_cases = [
        case
        for child in child_names.household_children(reporter)
        if (case := checkins.open_case_about(child)) is not None
    ]
    return family_cases[0] if len(family_cases) == 1 else None


def _open_case_of(reporter: str) -> Alert | None:
    """This reporter's latest open case about an unnamed child from the last day."""
    return (
        Alert.select()
        .join(Report, on=(Report.ref == Alert.ref))
        .where(
            (Report.reporter == reporter)
            & (Report.kind == ReportKind.CHILD.value)
            & (Report.created_at >= clock.now() - SAME_REPORT)
            & (Alert.state != AlertState.CLOSED.value)
            & Alert.child_id.is_null()  # a named child's case hears only about that child
        )
        .order_by(Alert.id.desc())
        .first()
    )


def _same_report(reporter: str, text: str) -> Report | None:
    recent = Report.select().where(
        (Report.reporter == reporter)
        & (Report.kind == ReportKind.CHILD.value)
        & (Report.created_at >= clock.now() - SAME_REPORT)
    )
    # Report texts are encrypted: compared here, not by the database.
    return next((report for report in recent if report.text == text), None)


def family_village(phone: str) -> Village | None:
    """The village a child's case from this phone belongs to: that of the person on it with
    children in their care (a shared phone may also hold a neighbour's registration, from
    another village or district), else that of the first person registered on it, else the
    village of the officer whose phone it is."""
    caring = (
        Village.select()
        .join(Person)
        .join(Child)
        .where(Person.phone == phone)
        .order_by(Person.id)
        .first()
    )
    return caring or people.village_of(phone) or officers.village_of(phone)


def officer_name(phone: str, lang: str) -> str:
    """Who a family on this phone will hear from, by name: their village officer, or the
    district supervisor where the village has none."""
    return officers.contact_name(family_village(phone), lang)
