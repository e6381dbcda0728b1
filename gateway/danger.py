"""A child in danger outside a check-in: TOLONG from anyone, a message that speaks of a child and
of danger (rule data), and a family's problem digits: a case for the village officer at once."""

from __future__ import annotations

import re
from datetime import timedelta

from gateway import alerts, checkins, clock, gsm7, i18n, officers, people, reports, village_names
from gateway.models import Alert, Child, Person, Report, RuleItem, Village, db
from gateway.statuses import AlertState, ReportKind

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
AGENCY_FORMS = ("pt", "cv")  # the words after these name an agency ("PT Maju Jaya")...
AGENCY_NAME_WORDS = 4  # ...up to this many
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


def report(
    reporter: str,
    text: str,
    channel: str,
    lang: str,
    category: str | None = None,
    child: Child | None = None,
) -> str:
    """Store what was said, open an urgent-as-due case for the officer of the child's village
    (the case SMS names no child), and answer with the reference, who was told and SAPA 129.
    The same words again within a day are the same case; words about a child whose case of
    that danger is open go to that case."""
    squeezed = " ".join(text.split()) or "-"
    category = category or next(iter(categories_in(squeezed)), GENERIC)
    child = child or _named_child(reporter, squeezed)
    named_village = village_names.named_in(squeezed, officers.district_of(reporter))
    # One open case per child and danger; a reporter's child not named: their open case of
    # that danger from the last day (the same child, most likely). It hears the new words,
    # and gets its village if it had none ("TOLONG desa Sukamaju" after "Di desa mana?").
    case = checkins.open_case_about(child, category) if child else _open_case_of(reporter, category)
    if case is not None:
        placed = case.village is None and named_village is not None
        if placed:
            Report.update(village=named_village).where(Report.ref == case.ref).execute()
            alerts.place(case, named_village, reporter)
        alerts.add_family_words(case, reporter, squeezed, tell=not placed)
        return _answer_placed(case.ref, case.village, reporter, lang)
    stored = _same_report(reporter, squeezed)
    if stored is None:
        # A village the text names first: a neighbour's child may live in another village.
        village = child.caregiver.village if child else named_village or family_village(reporter)
        with db.atomic():
            stored = reports.create(reporter, squeezed, village, channel, ReportKind.CHILD)
            alerts.open_case(
                category, village, child_id=child and child.id, ref=stored.ref, reporter=reporter
            )
    return _answer_placed(stored.ref, stored.village, reporter, lang)


def _answer_placed(ref: str, village: Village | None, reporter: str, lang: str) -> str:
    """The reporter's answer; when a stranger or a supervisor named no village we know, the
    officer to tell is the child's village's: ask which it is."""
    if village is None and (officers.is_officer(reporter) or not alerts.anyone_told(ref)):
        return i18n.text(lang, "tolong.which_village", ref=ref)
    return answer(ref, lang, reporter)


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


def _open_case_of(reporter: str, category: str) -> Alert | None:
    """This reporter's latest open case about an unnamed child from the last day, of this
    danger (or of danger not named, either way): where their next such words go."""
    recent = (
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
    )
    if category != GENERIC:
        recent = recent.where(Alert.category.in_([category, GENERIC]))
    return recent.first()


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
    return named_among(_household_children(phone), text)


def children_said(phone: str, village: Village | None, text: str) -> list[Child]:
    """The registered children a free text names: of the sender's household (any word of a
    name), or of their village (a neighbour's child the broker wants to take) by first or
    whole name: a village's children are many, and "Jaya" or "Indah" is a word too."""
    household = list(_household_children(phone))
    said = named_among(household, text)
    if village is not None:
        known = {child.id for child in household}
        words = set(_name_words_said(text))
        in_village = Child.select().join(Person).where(Person.village == village)
        said += [
            child for child in in_village if child.id not in known and _called_by(child, words)
        ]
    return said


def _called_by(child: Child, words: set[str]) -> bool:
    names = _name_words(child.name)
    return bool(names) and (names[0] in words or set(names) <= words)


def named_among(children, text: str) -> list[Child]:
    """The children whose name (any word of it) the text says, but not after a title ("Pak
    Budi" is a grown man), nor in an agency's name ("PT Maju Jaya"); a word for a child
    ("Putri") is no name."""
    said = set(_name_words_said(text))
    return [child for child in children if said & set(_name_words(child.name))]


def _name_words(name: str) -> list[str]:
    return [word for word in _words(name) if len(word) >= 3 and not _is_child_word(word)]


def _name_words_said(text: str) -> list[str]:
    """The words of a text that may be a child's name: not after a title, nor among the few
    words after PT or CV."""
    said, agency_words_left = [], 0
    for before, word in zip(["", *_words(text)], _words(text), strict=False):
        if word in AGENCY_FORMS:
            agency_words_left = AGENCY_NAME_WORDS
        elif agency_words_left:
            agency_words_left -= 1
        elif before not in TITLES:
            said += _forms(word)
    return said


def _forms(word: str) -> list[str]:
    """A word and what it is without a possessive ("Ekane", "Budinya": Eka, Budi)."""
    return [word] + [word[: -len(s)] for s in CHILD_SUFFIXES if word.endswith(s) and s != "s"]


def mentions_a_child(text: str) -> bool:
    """Whether a text has a word for a child ("anak", "anaknya", "lare", "son"...)."""
    return any(_is_child_word(word) for word in _words(text))


def without_names(text: str, children: list[Child]) -> str:
    """The text with these children's names replaced by "(anak)", "Ekane" too: an SMS alert
    never carries a child's name (INFO and the desk show the report whole)."""
    names = {word for child in children for word in _name_words(child.name)}

    def masked(match: re.Match) -> str:
        forms = _forms(gsm7.without_accents(match.group()).lower())
        return "(anak)" if names & set(forms) else match.group()

    return _WORD_AS_TYPED.sub(masked, text)


def _words(text: str) -> list[str]:
    """The words of a text in lower case, accents dropped ("Dédé" is "dede" typed plainly)."""
    return _WORD.findall(gsm7.without_accents(text).lower())


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
