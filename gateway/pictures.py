"""The numbers behind the desk's pictures, within a staff member's scope: check-ins answered per
village and week, alerts by category per month, CEK questions per week and how many found no
registered name, the most-asked unregistered names, and the scam waves. Dates are bucketed
here, not in SQL, so SQLite and PostgreSQL count alike."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gateway import clock, families, i18n, staff
from gateway.models import Alert, Officer, ScamWave, Verification
from gateway.verification.check import UNREGISTERED, Result

WEEKS, MONTHS, RECENT_WEEKS = 12, 6, 4
TOP_NAMES, VILLAGE_LINES, VILLAGE_BARS, CATEGORIES, WAVES = 10, 5, 15, 5, 20
MONTH_NAMES = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()
RESULT_WORDS = {"terdaftar": (Result.REGISTERED.value,), "tidak terdaftar": UNREGISTERED,
                "tak dapat dipastikan": (Result.UNCONFIRMED.value,)}  # fmt: skip
SCOPE_LINE = "Semua desa Anda"

Series = list[tuple[str, float | None]]


@dataclass(frozen=True)
class Wave:
    """A scam wave as the desk lists it."""

    name: str  # as people typed it, most recently
    askers: int  # different people within a week when it was alerted
    alerted_at: datetime
    asked_here: int  # questions about it from the staff member's scope, ever


def _monday(moment: datetime | date) -> date:
    day = moment.date() if isinstance(moment, datetime) else moment
    return day - timedelta(days=day.weekday())


def weeks(count: int = WEEKS) -> list[date]:
    """The Mondays of the last `count` weeks, this one last."""
    this = _monday(clock.now())
    return [this - timedelta(weeks=n) for n in range(count - 1, -1, -1)]


def week_label(monday: date) -> str:
    """A week as the charts name it: its Monday."""
    return f"{monday.day} {MONTH_NAMES[monday.month - 1]}"


def _rate(answered: int, due: int) -> float | None:
    return round(100 * answered / due, 1) if due else None


def checkin_response(officer: Officer) -> tuple[dict[str, Series], Series]:
    """The share of check-ins answered in scope, per week (by village) and per village."""
    counts = families.round_counts(officer)
    return response_by_week(counts), response_by_village(counts)


def response_by_week(counts: list[families.RoundCount]) -> dict[str, Series]:
    """The share of check-ins answered (%) per week a round began: the scope's, then its
    villages with the most check-ins (one line each)."""
    mondays = weeks()
    tally: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])  # answered, due
    for count in counts:
        monday = _monday(count.started_at)
        if monday >= mondays[0]:
            for village in (SCOPE_LINE, count.village.name if count.village else "-"):
                tally[monday, village][0] += count.answered
                tally[monday, village][1] += count.due
    due = Counter({village: n[1] for (_, village), n in tally.items() if village != SCOPE_LINE})
    names = [village for village, _ in due.most_common(VILLAGE_LINES)]
    lines = names if len(due) == 1 else [SCOPE_LINE, *names]
    return {
        village: [(week_label(m), _rate(*tally.get((m, village), (0, 0)))) for m in mondays]
        for village in (lines if due else [])
    }


def response_by_village(counts: list[families.RoundCount]) -> Series:
    """The share of check-ins answered (%) per village over the last RECENT_WEEKS weeks, the
    lowest first (those need a visit); VILLAGE_BARS villages at most."""
    since = clock.now() - timedelta(weeks=RECENT_WEEKS)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for count in counts:
        if count.started_at >= since:
            village = count.village.name if count.village else "-"
            tally[village][0] += count.answered
            tally[village][1] += count.due
    rates = sorted((_rate(*n), village) for village, n in tally.items())
    return [(village, rate) for rate, village in rates[:VILLAGE_BARS]]


def alerts_by_month(officer: Officer) -> tuple[list[str], dict[str, list[float]]]:
    """The alerts opened per month (the last MONTHS) by category: the most frequent CATEGORIES
    by name, the others together."""
    now = clock.now()
    months = [((now.year * 12 + now.month - 1 - n) // 12, (now.month - 1 - n) % 12 + 1)
              for n in range(MONTHS - 1, -1, -1)]  # fmt: skip
    since = datetime(*months[0], 1)
    query = staff.scoped(
        officer,
        Alert.select(Alert.category, Alert.opened_at).where(Alert.opened_at >= since),
        Alert.village,
    )
    opened = [(alert.category, (alert.opened_at.year, alert.opened_at.month)) for alert in query]
    common = [c for c, _ in Counter(c for c, _ in opened).most_common(CATEGORIES)]
    series: dict[str, list[float]] = {}
    for category, month in opened:
        name = i18n.text(families.LANG, f"category.{category}") if category in common else "lain"
        series.setdefault(name, [0] * MONTHS)[months.index(month)] += 1
    if "lain" in series:
        series["lain"] = series.pop("lain")  # last in the legend
    return [f"{MONTH_NAMES[m - 1]} {y}" for y, m in months], series  # "Nov 26" read as a date


def _verifications(officer: Officer, since: datetime):
    columns = (Verification.query, Verification.query_key, Verification.result)
    query = Verification.select(*columns, Verification.created_at).where(
        Verification.created_at >= since
    )
    return staff.scoped(officer, query, Verification.village)


def cek_by_week(officer: Officer) -> tuple[list[str], dict[str, list[float]], Series]:
    """CEK questions per week by what they found, and the share (%) that found no registered
    name as typed."""
    mondays = weeks()
    since = datetime.combine(mondays[0], datetime.min.time())
    series = {word: [0.0] * WEEKS for word in RESULT_WORDS}
    for row in _verifications(officer, since):
        week = mondays.index(_monday(row.created_at))
        word = next(w for w, results in RESULT_WORDS.items() if row.result in results)
        series[word][week] += 1
    labels = [week_label(m) for m in mondays]
    share = [
        (label, _rate(int(series["tidak terdaftar"][i]), int(sum(v[i] for v in series.values()))))
        for i, label in enumerate(labels)
    ]
    return labels, series, share


def top_unregistered(officer: Officer) -> Series:
    """The TOP_NAMES names most asked about (last WEEKS weeks) that matched no registered name,
    as people typed them most recently."""
    since = datetime.combine(weeks()[0], datetime.min.time())
    asked: Counter[str] = Counter()
    typed: dict[str, str] = {}
    query = _verifications(officer, since).where(Verification.result.in_(UNREGISTERED))
    for row in query.order_by(Verification.created_at):
        asked[row.query_key] += 1
        typed[row.query_key] = row.query
    return [(typed[key], count) for key, count in asked.most_common(TOP_NAMES)]


def scam_waves(officer: Officer) -> list[Wave]:
    """The latest scam waves that people in scope asked about, newest first."""
    waves = list(ScamWave.select().order_by(ScamWave.alerted_at.desc()).limit(WAVES * 5))
    keys = [wave.query_key for wave in waves]
    asked: Counter[str] = Counter()
    typed: dict[str, str] = {}
    query = staff.scoped(
        officer,
        Verification.select(Verification.query, Verification.query_key).where(
            Verification.query_key.in_(keys)
        ),
        Verification.village,
    )
    for row in query.order_by(Verification.id):
        asked[row.query_key] += 1
        typed[row.query_key] = row.query
    found = [
        Wave(typed[w.query_key], w.askers, w.alerted_at, asked[w.query_key])
        for w in waves
        if asked[w.query_key]
    ]
    return found[:WAVES]
