"""Children in free text: a word for a child ("anak", "anakku", "lare", "son"), and which
registered children a report names (never a grown man with a title, nor a word of an agency's
name) or means ("anak saya"); and their names left out of an SMS to an officer."""

from __future__ import annotations

import re

from gateway import gsm7
from gateway.models import Child, Person, Village

_WORD = re.compile(r"[a-z]+")
_WORD_AS_TYPED = re.compile(r"[^\W\d_]+")  # a word of letters, accents and all
_REST_OF_NAME = re.compile(r"\(anak\)((?:\s+(?=[^\W\d_a-z])[^\W\d_]+)+)")  # "(anak) Wulandari"

# Free text is a report only when it speaks of a child too ("HP saya hilang" is not).
CHILD_WORDS = (
    "anak", "ank", "putra", "putri", "bocah", "cucu", "adik", "keponakan",  # Indonesian
    "lare", "yoga",  # Javanese
    "child", "son", "daughter", "kid", "girl", "boy", "grandson", "granddaughter",  # English
    "grandchild", "nephew", "niece", "baby", "teenager",
)  # fmt: skip
# "anakku", "anakq", "anaknya", "anake", "larene", "kids": a child word with a possessive or
# plural.
CHILD_SUFFIXES = ("ku", "q", "mu", "nya", "ne", "e", "ipun", "s")
# After "anak", these are an animal's young: "anak kucing saya hilang" is a kitten.
ANIMALS = ("kucing", "ayam", "kambing", "sapi", "anjing", "burung", "bebek", "ikan", "kelinci")
# Words for a child that are names too: after a title they are a grown-up's ("Mas Yoga").
ALSO_NAMES = ("yoga", "putra", "putri")
# Before a name, these make it a grown-up's: "Pak Budi merekrut orang" is no child's case.
TITLES = (
    "pak", "bu", "bapak", "ibu", "mas", "mbak", "om", "tante", "kak", "bang", "pakde", "bude",
    "mbah", "paman", "bibi", "mr", "mrs", "ms", "sir", "haji", "hj",
    "calo", "sponsor", "agen", "tekong",  # "calo Budi": a broker, whatever his name
)  # fmt: skip
AGENCY_FORMS = ("pt", "cv")  # the words after these name an agency ("PT Maju Jaya")...
AGENCY_NAME_WORDS = 4  # ...up to this many
# "anak tetangga", "anake tonggo", "neighbour's son": another family's child, whatever name
# (not "dipukul tetangga", beaten by a neighbour).
_NOT_MY_CHILD = re.compile(
    r"\b(?:anak|putra|putri|lare|bocah|cucu|adik|keponakan)\w*\s+(?:tetangga|tonggo|tangga)\w*"
    r"|\bneighbou?r'?s\s+(?:child|son|daughter|kid|girl|boy)"
)
# "anak saya", "anakku", "anak sy", "putri kula", "my son": the reporter's own child.
MY_CHILD = re.compile(
    r"\b(?:(?:anak|ank|putra|putri|lare|yoga)"
    r"(?:\s+(?:perempuan|laki-laki|laki|lanang|wadon|cewek|cowok|sulung|bungsu))?"
    r"\s*(?:ku|q|saya|sy|aku|gw|gue|kula|kulo|dalem)"
    r"|my\s+(?:child|son|daughter|kid|girl|boy|grandson|granddaughter|grandchild))\b"
)


def is_child_word(word: str) -> bool:
    """Whether a word (lower case) is one for a child, with a possessive or plural or not."""
    return word in CHILD_WORDS or any(
        word.endswith(suffix) and word[: -len(suffix)] in CHILD_WORDS for suffix in CHILD_SUFFIXES
    )


def household_children(phone: str):
    """The children in the care of someone on this phone, or whose parent abroad it is."""
    caring = Person.select(Person.id).where(Person.phone == phone)
    return Child.select().where(Child.caregiver.in_(caring) | (Child.parent_phone == phone))


def only_child(phone: str) -> Child | None:
    """The child a family means when it has only one; None when it is unclear."""
    children = list(household_children(phone).limit(2))
    return children[0] if len(children) == 1 else None


def is_anothers_child(text: str) -> bool:
    """Whether a text is about another family's child ("anak tetangga"), not the sender's."""
    said = text.lower()
    return bool(_NOT_MY_CHILD.search(said)) and not MY_CHILD.search(said)


def named_child(phone: str, text: str) -> Child | None:
    """The child of this phone's household a report is about: the one it names, or the only
    one when it says "my child" ("anak saya", "anakku"). None when it may be another child
    ("anak tetangga"): a case on the wrong child tells its parent abroad the wrong news."""
    # "anak tetangga ... namanya Budi juga": another's child; but "Budi anak saya dipukul anak
    # tetangga" is the family's own, beaten by a neighbour's.
    if is_anothers_child(text):
        return None
    named = children_named(phone, text)
    if len(named) == 1:
        return named[0]
    if not named and MY_CHILD.search(text.lower()):
        return only_child(phone)
    return None


def children_named(phone: str, text: str) -> list[Child]:
    """The children of this phone's household whose name (any word of it) the text says."""
    return named_among(household_children(phone), text)


def children_said(phone: str, village: Village | None, text: str) -> list[Child]:
    """The registered children a free text names: of the sender's household (any word of a
    name), or of their village (a neighbour's child the broker wants to take) by first or
    whole name: a village's children are many, and "Jaya" or "Indah" is a word too."""
    household = list(household_children(phone))
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


def best_named(children, text: str) -> list[Child]:
    """Of a household's children, those whose name the text says best: the most words of it
    ("Nur Aida" is Aida, not her twin Nur Aini), then its words in their order ("Nur Siti",
    not Siti Nur), then the first letters the prompt gave ("Ain": Aini). "Putri" is a name
    here, not "a daughter"."""
    said = set(_name_words_said(text))
    spoken = " ".join(_words(text))

    def saying(child: Child) -> tuple[int, bool, int]:
        words = _words(child.name)
        whole = sum(word in said for word in words)
        prefixes = sum(
            any(len(s) >= 2 and s != word and word.startswith(s) for s in said) for word in words
        )
        in_order = whole == len(words) > 0 and " ".join(words) in spoken
        return whole, in_order, prefixes

    scores = {child.id: saying(child) for child in children}
    best = max(scores.values(), default=(0, False, 0))
    return [child for child in children if best != (0, False, 0) and scores[child.id] == best]


def whole_name_said(child: Child, text: str) -> bool:
    """Whether the text says every word of the child's name ("Muhammad Rizki", not
    "Muhammad" alone: a grown man may be called so too)."""
    names = set(_name_words(child.name))
    return bool(names) and names <= set(_name_words_said(text))


def _name_words(name: str) -> list[str]:
    return [word for word in _words(name) if len(word) >= 3 and not is_child_word(word)]


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
    """Whether a text has a word for a child ("anak", "anaknya", "lare", "son"...): not one
    that is a name too right after a title ("Mas Yoga" is a grown man, "yoga" a son in
    Javanese), but "Pak, anak tetangga", "Bu putra kula" (my son) are about a child."""
    said = gsm7.without_accents(text).lower()
    if MY_CHILD.search(said):
        return True
    tokens = re.findall(r"[a-z]+|[^\sa-z]", said)  # a comma after a title ends it: "Pak, ..."
    return any(
        is_child_word(word)
        and not (before in TITLES and word.startswith(ALSO_NAMES))
        and after not in ANIMALS  # "anak kucing", a kitten
        for before, word, after in zip(["", *tokens], tokens, [*tokens[1:], ""], strict=False)
    )


def without_names(text: str, children: list[Child]) -> str:
    """The text with these children's names replaced by "(anak)", "Ekane" too: an SMS alert
    never carries a child's name (INFO and the desk show the report whole)."""
    names = {word for child in children for word in _name_words(child.name)}

    def masked(match: re.Match) -> str:
        forms = _forms(gsm7.without_accents(match.group()).lower())
        return "(anak)" if names & set(forms) else match.group()

    # Up to two capitalised words right after a name are the rest of it ("Intan Wulandari"),
    # never a title or an agency's form: "Joko Dijemput Pak Harun PT ..." keeps the broker.
    def rest_of_name(match: re.Match) -> str:
        words = match.group(1).split()
        stop = next((i for i, w in enumerate(words) if w.lower() in (*TITLES, *AGENCY_FORMS)), 2)
        return " ".join(["(anak)", *words[min(stop, 2) :]])

    masked_text = _aged_names_masked(
        _CHILD_CALLED.sub(_called_masked, _WORD_AS_TYPED.sub(masked, text))
    )
    if text.upper() == text:  # all in capitals: a capital says nothing of a name
        return masked_text
    return _REST_OF_NAME.sub(rest_of_name, masked_text)


# "anak perempuan bernama Melati", "anak tetangga namanya budi": the name of a child nobody
# registered, masked all the same (a grown-up's title after it is no child's name).
_NAME_WORDS = r"[^\W\d_]+(?:\s+[^\W\d_a-z][^\W\d_]*)?"  # a name, a capitalised word after it
_CHILD_CALLED = re.compile(
    r"\b(?i:anak|anaknya|ank|putra|putri|bocah|lare|cucu|keponakan|child|girl|boy|son|"
    r"daughter)\b[^.;!?]{0,40}?\b(?i:bernama|namanya|nama|named|called|jenenge|asmane|"
    rf"asmanipun)[\s:]+(?P<name>(?!(?i:anak|putra|putri|child)\w*\b){_NAME_WORDS})"
    r"|\b(?i:nama)\s+(?i:anak|putra|putri|child)\w*(?:\s+(?i:itu|tersebut|ini))?[\s:]+"
    rf"(?P<name2>{_NAME_WORDS})"
)


def _called_masked(match: re.Match) -> str:
    which = "name" if match.group("name") else "name2"
    if match.group(which).split()[0].lower() in TITLES:
        return match.group()
    return match.group()[: match.start(which) - match.start()] + "(anak)"


# An age ("umur 15", "16 tahun", "(15th)", "aged 14") or a child's school ("masih SMP").
_AGE = re.compile(
    r"(?i)\b(?:umur|umurnya|usia|usianya|aged?)\s*(\d{1,2})\b"
    r"|\b(\d{1,2})\s*(?:tahun|thn|th|years?|yrs?|yo)\b"
)
_SCHOOL = re.compile(r"(?i)\b(?:sd|smp|sma|smk|mts)\b")
# The name right before an age: up to three capitalised words ("Melati Putri Ayu (15th)").
_NAME_BEFORE = re.compile(r"((?:[^\W\d_a-z][^\W\d_]*\s+){0,2}[^\W\d_a-z][^\W\d_]*)\W*$")


# What "15 tahun" follows when it is someone's age, not a length of time ("kerja 15 tahun"):
# a bracket, a name, a word for a child.
_SOMEONE = re.compile(r"(?:\(|(?:[^\W\d_a-z][^\W\d_]*|anak\w*|child|girl|boy|son|daughter)\s+)$")


def _minor_ages(text: str) -> list[re.Match]:
    """The ages under 18 a text gives."""
    return [
        m
        for m in _AGE.finditer(text)
        if int(m.group(1) or m.group(2)) < 18 and (m.group(1) or _SOMEONE.search(text[: m.start()]))
    ]


def says_a_minor(text: str) -> bool:
    """Whether a text gives an age under 18 ("Melati umur 15"), or speaks of a child at a
    school that children go to ("anak SMP"; "lulusan SMP" alone may be a grown-up)."""
    return bool(_minor_ages(text)) or bool(_SCHOOL.search(text)) and mentions_a_child(text)


def _aged_names_masked(text: str) -> str:
    """The name written right before an age under 18 ("rekrut Melati umur 15") as "(anak)"."""
    for age in reversed(_minor_ages(text)):
        name = _NAME_BEFORE.search(text[: age.start()])
        if name and name.group(1).split()[0].lower() not in TITLES:
            text = text[: name.start(1)] + "(anak)" + text[name.end(1) :]
    return text


def _words(text: str) -> list[str]:
    """The words of a text in lower case, accents dropped ("Dédé" is "dede" typed plainly)."""
    return _WORD.findall(gsm7.without_accents(text).lower())
