"""A child in danger outside a check-in: TOLONG from anyone, a message that speaks of a child and
of danger (rule data), and a family's problem digits: a case for the village officer at once."""

from __future__ import annotations

import re
from datetime import timedelta

from gateway import alerts, checkins, clock, gsm7, i18n, officers, people, reports
from gateway.models import Alert, Child, Person, Report, RuleItem, Village, db
from gateway.statuses import ReportKind

GENERIC = "danger"  # TOLONG with no word we know: a child in danger, urgent all the same
# When one message names several dangers, the case takes the gravest; INFO shows every word.
PRIORITY = ("violence", "missing", "recruitment", "marriage", "no_caregiver", "bullying")
# Free text is a report only when it speaks of a child too ("HP saya hilang" is not).
CHILD_WORDS = (
    "anak", "putra", "putri", "bocah", "cucu", "adik", "keponakan",  # Indonesian
    "lare", "yoga",  # Javanese
    "child", "son", "daughter", "kid", "girl", "boy",  # English
)  # fmt: skip
# "anakku", "anaknya", "anake", "larene", "kids": a child word with a possessive or plural.
CHILD_SUFFIXES = ("ku", "mu", "nya", "ne", "e", "ipun", "s")
# What may follow a danger word in a word of the message: Indonesian, Javanese, English.
DANGER_SUFFIXES = (
    "", "i", "kan", "nya", "in", "inya", "kannya", "lah", "e", "ne", "ine", "ane", "ke", "ake",
    "aken", "ipun", "ni", "s", "es", "ed", "d", "en", "ing",
)  # fmt: skip
SAME_REPORT = timedelta(hours=24)  # the same words again within this: the same case
_WORD = re.compile(r"[a-z]+")
_WORD_AS_TYPED = re.compile(r"[^\W\d_]+")  # a word of letters, accents and all
# Before a name, these make it a grown-up's: "Pak Budi merekrut orang" is no child's case.
TITLES = (
    "pak", "bu", "bapak", "ibu", "mas", "mbak", "om", "tante", "kak", "bang", "pakde", "bude",
    "mbah", "paman", "bibi", "mr", "mrs", "ms", "sir", "haji", "hj",
)  # fmt: skip
# "anak saya", "anakku", "anak sy", "putri kula", "my son": the reporter's own child.
_MY_CHILD = re.compile(
    r"\b(?:(?:anak|putra|putri|lare|yoga)\s*(?:ku|saya|sy|aku|kula|kulo|dalem)"
    r"|my\s+(?:child|son|daughter|kid|girl|boy))\b"
)


def categories_in(text: str) -> list[str]:
    """The danger categories whose words (rule data, kind danger_word) are a word of `text`,
    alone or with a suffix ("dipukuli", "nikahkan", "kicked"), gravest first."""
    words = set(_WORD.findall(text.lower()))
    rules = RuleItem.select(RuleItem.value, RuleItem.note).where(RuleItem.kind == "danger_word")
    found = {rule.note for rule in rules if any(_is_form_of(word, rule.value) for word in words)}
    return sorted(found, key=lambda c: PRIORITY.index(c) if c in PRIORITY else len(PRIORITY))


def _is_form_of(word: str, danger_word: str) -> bool:
    """Whether `word` is the danger word or the danger word with a suffix: not any word it
    starts ("soldier" is no "sold", "nikahan" a wedding party, not "nikah")."""
    stem = danger_word.lower()
    return word.startswith(stem) and word[len(stem) :] in DANGER_SUFFIXES


def speaks_of_danger(text: str, sender: str | None = None) -> bool:
    """Whether free text names a child (a word for one, or by name a child of the sender's
    household: "Fajar mau dinikahkan") and a danger: it is read as a report."""
    if not categories_in(text):
        return False
    words = set(_WORD.findall(text.lower()))
    if any(_is_child_word(word) for word in words):
        return True
    return sender is not None and bool(_children_named(sender, text))


def _is_child_word(word: str) -> bool:
    return word in CHILD_WORDS or any(
        word.endswith(suffix) and word[: -len(suffix)] in CHILD_WORDS for suffix in CHILD_SUFFIXES
    )


def is_registered(phone: str) -> bool:
    """Whether anyone is registered on this phone (their problem digits are read as a report)."""
    return Person.select().where(Person.phone == phone).exists()


def report(reporter: str, text: str, channel: str, lang: str, category: str | None = None) -> str:
    """Store what was said, open an urgent-as-due case for the officer of the child's village
    (the case SMS names no child), and answer with the reference, who was told and SAPA 129.
    The same words again within a day are the same case; words about a child whose case of
    that danger is open go to that case."""
    squeezed = " ".join(text.split()) or "-"
    category = category or next(iter(categories_in(squeezed)), GENERIC)
    child = _named_child(reporter, squeezed)
    case = checkins.open_case_about(child, category) if child else None
    if case is not None:  # one open case per child and danger: it hears the new words
        alerts.add_family_words(case, reporter, squeezed)
        return answer(case.ref, lang, reporter)
    stored = _same_report(reporter, squeezed)
    if stored is None:
        village = (
            child.caregiver.village
            if child
            else family_village(reporter) or _village_named(squeezed, reporter)
        )
        with db.atomic():
            stored = reports.create(reporter, squeezed, village, channel, ReportKind.CHILD)
            alerts.open_case(
                category, village, child_id=child and child.id, ref=stored.ref, reporter=reporter
            )
    if stored.village is None and (
        officers.is_officer(reporter) or not alerts.anyone_told(stored.ref)
    ):
        # A stranger or a supervisor named no village we know: the officer to tell is the
        # child's village's, so ask which it is.
        return i18n.text(lang, "tolong.which_village", ref=stored.ref)
    return answer(stored.ref, lang, reporter)


def report_code(reporter: str, category: str, lang: str, words: str = "") -> str:
    """A family's problem code sent when no check-in waits: the case of their only child (one
    per child and category, as for check-ins; the words sent with the code go with it), else
    a report in the family's name, in their words if they wrote any."""
    child = _only_child(reporter)
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
    if not alerts.anyone_told(ref):
        return i18n.text(lang, "tolong.nobody", ref=ref)
    village = Alert.get(Alert.ref == ref).village
    params = {"ref": ref, "officer": officers.contact_name(village, lang, besides=reporter)}
    return i18n.fit(lang, "tolong.thanks", params, shorten="officer")


def _same_report(reporter: str, text: str) -> Report | None:
    recent = Report.select().where(
        (Report.reporter == reporter)
        & (Report.kind == ReportKind.CHILD.value)
        & (Report.created_at >= clock.now() - SAME_REPORT)
    )
    # Report texts are encrypted: compared here, not by the database.
    return next((report for report in recent if report.text == text), None)


def _household_children(phone: str):
    """The children in the care of someone on this phone, or whose parent abroad it is."""
    caring = Person.select(Person.id).where(Person.phone == phone)
    return Child.select().where(Child.caregiver.in_(caring) | (Child.parent_phone == phone))


def _only_child(phone: str) -> Child | None:
    """The child a family means when it has only one; None when it is unclear."""
    children = list(_household_children(phone).limit(2))
    return children[0] if len(children) == 1 else None


def _named_child(phone: str, text: str) -> Child | None:
    """The child of this phone's household a report is about: the one it names, or the only
    one when it says "my child" ("anak saya", "anakku"). None when it may be another child
    ("anak tetangga"): a case on the wrong child tells its parent abroad the wrong news."""
    named = _children_named(phone, text)
    if len(named) == 1:
        return named[0]
    if not named and _MY_CHILD.search(text.lower()):
        return _only_child(phone)
    return None


def _children_named(phone: str, text: str) -> list[Child]:
    """The children of this phone's household whose name (any word of it) the text says."""
    return _named_among(_household_children(phone), text)


def children_said(phone: str, village: Village | None, text: str) -> list[Child]:
    """The registered children a free text names: of the sender's household, or of their
    village (a neighbour's child the broker wants to take)."""
    nearby = {child.id: child for child in _household_children(phone)}
    if village is not None:
        nearby.update(
            {c.id: c for c in Child.select().join(Person).where(Person.village == village)}
        )
    return _named_among(nearby.values(), text)


def _named_among(children, text: str) -> list[Child]:
    """The children whose name (any word of it) the text says, but not after a title: "Pak
    Budi" is a grown man, and a word for a child ("Putri") no name."""
    said = set(_name_words_said(text))
    return [child for child in children if said & set(_name_words(child.name))]


def _name_words(name: str) -> list[str]:
    return [word for word in _words(name) if len(word) >= 3 and not _is_child_word(word)]


def _name_words_said(text: str) -> list[str]:
    words = _words(text)
    # Each word with the one before it (the first list is one longer: its last is unused).
    return [word for before, word in zip(["", *words], words, strict=False) if before not in TITLES]


def without_names(text: str, children: list[Child]) -> str:
    """The text with these children's names replaced by "(anak)": an SMS alert never carries a
    child's name (INFO and the desk show the report whole)."""
    names = {word for child in children for word in _name_words(child.name)}
    return _WORD_AS_TYPED.sub(lambda m: "(anak)" if _plain(m.group()) in names else m.group(), text)


def _plain(word: str) -> str:
    return gsm7.without_accents(word).lower()


def _words(text: str) -> list[str]:
    """The words of a text in lower case, accents dropped ("Dédé" is "dede" typed plainly)."""
    return _WORD.findall(gsm7.without_accents(text).lower())


def _village_named(text: str, reporter: str) -> Village | None:
    """The village a report names: by its code ("TOLONG 3522010001 ..."), or by its name after
    "desa" ("anak di desa Sidorejo dipukul"); from a supervisor, by its name alone among their
    district's villages. A name two villages share names none: never a guess."""
    for code in re.findall(r"\d[\d.]{8,14}\d", text):
        village = people.find_village(code)
        if village is not None:
            return village
    district = officers.district_of(reporter)
    villages = Village.select()
    if district is not None:
        villages = villages.where(Village.district == district)
    said = " ".join(_words(text))
    before = r"\b" if district else r"\b(?:desa|ds|kelurahan|kel|village) "
    names = [(village, _words(village.name)) for village in villages]
    for way in (_whole_name, _first_word):  # "Sidorejo Lor" before "Sidorejo" alone
        named = [v for v, words in names if _says(said, before, way(words))]
        if named:
            return named[0] if len(named) == 1 else None
    return None


def _says(said: str, before: str, name: str) -> bool:
    return bool(name) and re.search(rf"{before}{name}\b", said) is not None


def _whole_name(words: list[str]) -> str:
    return " ".join(words)


def _first_word(words: list[str]) -> str:
    """A village's first word when the name has more and it is a long one: "Sidorejo" for
    "Sidorejo Contoh", not "Karang" for "Karang Anyar"."""
    return words[0] if len(words) > 1 and len(words[0]) >= 6 else ""


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
