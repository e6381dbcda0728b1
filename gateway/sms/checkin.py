"""A caregiver's check-in answers by SMS: read as written, each to its child, red flags never
lost to a typo, words of danger after the digits reported as they are."""

from __future__ import annotations

from gateway import alerts, checkin_codes, checkin_prompts, checkins, child_names, danger, i18n
from gateway.sms.message import MAX_PARSED, Message


def answer(message: Message, among_words: bool = False) -> list[str] | None:
    """The SMS in answer to check-in digits (for the children waiting, oldest first), or None
    when the message is no answer (the keywords and the danger rules read it then).
    `among_words`: answers may follow words ("Bu 11111 11114"; the message is no keyword)."""
    reading = checkin_codes.read(message.text[:MAX_PARSED])
    after_words = reading is None and among_words
    if after_words:  # "Bu 11111 11114", "Beni 11114": answers after a greeting or a name
        reading = checkin_codes.read_among_words(message.text[:MAX_PARSED])
    if reading is None:
        return None
    waiting = checkins.pending(message.phone)
    if not waiting:
        if after_words or not danger.is_registered(message.phone):
            return None  # words with digits, or a stranger's digits: the other rules read them
        return _nothing_waiting(message, reading)
    if reading.answers is None:
        return _unreadable(message, reading, waiting)
    labels = _labels(waiting)
    if len(reading.answers) > 1 and len(reading.answers) != len(waiting):
        return _which_children(message, reading.answers, [labels[c.child.id] for c in waiting])
    waiting = _named_first(waiting, reading)
    raised: set[str] = set()
    flagged, years = False, []
    for checkin, answers in zip(waiting, reading.answers, strict=False):
        years.append(labels[checkin.child.id])
        flags = checkins.record_answer(checkin, answers, "sms") or []
        raised.update(flags)
        flagged = flagged or bool(flags)
        for category in flags if reading.words else []:
            # "1 1 1 1 4 dipukul bapake": who, how, as the family wrote it, with the case.
            case = checkins.alert_about(checkin.child, category)
            alerts.add_family_words(case, message.phone, reading.words)
    still_waiting = [labels[checkin.child.id] for checkin in waiting[len(reading.answers) :]]
    replies = _thanks(message, flagged, years, still_waiting)
    answered = waiting[0].child if len(reading.answers) == 1 else None
    return replies + _danger_in_words(message, reading.words, raised, answered)


# Dangers whose words also say what befalls things: "HP saya hilang", "motor dijual".
ALSO_OF_THINGS = {"missing", "recruitment"}


def _danger_in_words(message: Message, words: str, said: set[str], answered=None) -> list[str]:
    """A danger the digits did not say, in the words after them, reported as written ("1 1 1
    1 1 tapi sering dipukul"): about the child just answered for (`answered`, unless they
    name another); with no check-in to say so, or in words that may be about a thing ("11111
    HP saya hilang", my phone is lost), only when they speak of a child."""
    new = set(danger.categories_in(words)) - said if words else set()
    if not new:
        return []
    about_a_child = danger.is_about_a_child(words, message.phone)  # its dangers known: `new`
    if not about_a_child and (answered is None or new <= ALSO_OF_THINGS):
        return []
    if child_names.is_anothers_child(words):  # "11111 anak tetangga dipukuli": not hers
        answered = None
    child = child_names.named_child(message.phone, words) or answered
    return [danger.report(message.phone, words, "sms", message.lang, child=child)]


def _named_first(waiting: list, reading: checkin_codes.Reading) -> list:
    """The waiting check-ins in the order of the answers: each answer the child its words name
    ("Ani 11113, Eka 11111": the name before each, else after each; "11114 Fajar dipukul":
    one answer, the child named), else the oldest child first."""
    children = [checkin.child for checkin in waiting]
    if len(waiting) < 2:
        return waiting
    if len(reading.per_child) == 1:
        texts = [[reading.words]]
    else:
        texts = [[before for before, _ in reading.around], [after for _, after in reading.around]]
    for said in texts:
        named = [child_names.best_named(children, text) for text in said]
        ids = [one[0].id for one in named if len(one) == 1]  # each names one child, all apart
        if said and len(ids) == len(said) == len(set(ids)):
            last = len(ids)  # the children no answer named: after, oldest first
            return sorted(
                waiting, key=lambda c: ids.index(c.child.id) if c.child.id in ids else last
            )
    return waiting


def _nothing_waiting(message: Message, reading: checkin_codes.Reading) -> list[str]:
    """A family's digits when no check-in waits (answered already, or none asked yet): a
    problem named is a report all the same, with the words written after it ("1 1 1 1 5 Budi
    ora mulih"); a danger the words name besides is reported as written; else the family
    hears that nothing waits for an answer."""
    problems = [checkin_codes.problem(a["problem"]) for a in reading.answers or []]
    problems = [category for category in problems if category]
    replies = [_report(message, category, reading.words) for category in problems]
    replies += _danger_in_words(message, reading.words, set(problems))
    return replies or [message.reply("checkin.none_waiting")]


def _unreadable(message: Message, reading: checkin_codes.Reading, waiting: list) -> list[str]:
    """The correction and the codes; before them, a case for each child whose fifth digit
    still names a problem ("0 0 0 0 3")."""
    problems = checkin_codes.serious_problems(reading)
    # Which child each five digits are for: the one its words name, else the first waiting
    # for one answer, each in turn for as many as wait; otherwise it is unclear, and the
    # report is in the family's name.
    ordered = _named_first(waiting, reading)
    children = (
        ordered[:1] if len(problems) == 1 else ordered if len(problems) == len(waiting) else []
    )
    cases = []
    for index, category in enumerate(problems):
        if category and children:
            cases.append(_childs_case(message, children[index].child, category))
        elif category:
            cases.append(_report(message, category))
    if not problems:  # "Dewi kode 4": problems named without their five digits
        cases += named_problems_reported(message, waiting)
    return [*cases, message.reply("checkin.correction"), checkin_codes.codes_sms(message.lang)]


def named_problems_reported(message: Message, waiting: list) -> list[str]:
    """A case for each problem named without five digits ("Dewi kode 4, Cici kode 3", "4
    Kekerasan"): the child the words before it name, else as if sent alone (the only
    child's, or the family's report)."""
    text, replies = message.text[:MAX_PARSED], []
    for before, category in checkin_codes.named_problems(text):
        named = child_names.best_named([checkin.child for checkin in waiting], before)
        if before.strip() and len(named) == 1:
            replies.append(_childs_case(message, named[0], category))
        else:
            replies.append(_report(message, category, text))
    return replies


def _childs_case(message: Message, child, category: str) -> str:
    """The child's case of this problem (opened once), the family's message with it as sent."""
    case = checkins.alert_about(child, category)
    alerts.add_family_words(case, message.phone, message.text[:MAX_PARSED])
    return danger.answer(case.ref, message.lang)


def _labels(waiting: list) -> dict[int, str]:
    """How the SMS name each child of the household, by its id, as the prompt did: the birth
    year, and the first letters of its name when another child of theirs shares the year."""
    children = checkins.household_years(waiting[0].child.caregiver.phone)
    return dict(zip([i for _, i in children], checkin_prompts.year_labels(children), strict=True))


def _which_children(
    message: Message, answers: list[dict[str, int]], waiting: list[str]
) -> list[str]:
    """More (or fewer) answers than children waiting (one answered on USSD since): none is
    stored on a child it may not be about; a problem named is reported in the family's name."""
    years = ", ".join(waiting)
    ask = i18n.text(message.lang, "checkin.which", count=str(len(waiting)), years=years)
    problems = [checkin_codes.problem(a["problem"]) for a in answers]
    return [*(_report(message, p) for p in problems if p), ask]


def _report(message: Message, category: str, words: str = "") -> str:
    return danger.report_code(message.phone, category, message.lang, words)


def _thanks(
    message: Message, flagged: bool, years: list[str], still_waiting: list[str]
) -> list[str]:
    """Thanks for the answers stored (the officer named when one raised a red flag), and
    which child comes next."""
    if flagged:
        officer = danger.officer_name(message.phone, message.lang)
        params = {"year": ", ".join(years), "officer": officer}
        replies = [i18n.fit(message.lang, "checkin.thanks_flagged", params, shorten="officer")]
    else:
        replies = [i18n.text(message.lang, "checkin.thanks", year=", ".join(years))]
    if still_waiting:
        replies.append(i18n.text(message.lang, "checkin.next", year=still_waiting[0]))
    return replies if flagged else [" ".join(replies)]
