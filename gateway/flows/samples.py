"""Stand-ins for what a session knows, as long as the longest real values: the catalog tests
render every screen with them to prove it fits one USSD screen, and the desk's menu map draws
every screen with them (so its septet counts are the worst case). Readable, not real."""

from __future__ import annotations

from gateway.flows.screens import State
from gateway.verification import offer

PHONE = "+620000000000"  # no one's: +62 is never followed by 0, so no person is found on it


def filler(word: str, length: int) -> str:
    """`word` repeated to exactly `length` characters (GSM-7 letters and spaces)."""
    text = ((word + " ") * (length // (len(word) + 1) + 1))[:length]
    return text[:-1] + "." if text.endswith(" ") else text


def lines(word: str, length: int, count: int) -> str:
    """`count` lines of `length` characters each."""
    return "\n".join([filler(word, length)] * count)


# The longest values each placeholder can take; the verification answers and alerts, cut to
# one segment by reply.fit(), get theirs in test_verification.py.
PARAMS = {
    "ussd_code": "*123#", "help": "KP2MI 0800-1000", "channels": lines("Kanal resmi", 25, 2),
    "years": "2012, then 2015, 2019", "first": "2012", "rest": "2015, 2019", "year": "2015",
    "urgency": "MENDESAK",
    "children": filler("Anak", 30), "school": "Ya", "health": "Ya", "mood": "Ya",
    "contact": "Tidak", "problem": "", "child": filler("Budi", 15),
    "caregiver": filler("Siti", 15), "anak_text": filler("Kabar anak", 150),
    "cases_text": filler("Kasus", 150), "count": "12", "more": "11", "cases": filler("Kasus", 30),
    "page": "12",
    "change": filler("Ubah", 42), "see_all": filler("Lihat", 38),
    "category": "calo", "opened": "25-11 09:00 WITA", "me_name": filler("Nama", 40),
    "me_village": filler("Desa", 30), "subject": filler("Hal", 20),
    "me_children": "12: " + filler("Nama 2015", 60),
    "checkins": "1200", "reports": "120", "consents": "12",
    "reason": filler("Alasan", 20), "date": "20-11-2026", "until": "31-12-2026",
    "country": "TW", "occupation": filler("Jabatan", 24), "ref": "LAAAAA",
    "village": filler("Desa", 20), "text": filler("Teks", 20), "phone": "+6281234567890",
    "name": filler("Nama", 20), "askers": "12", "days": "7",
    "cek_text": lines("Jawaban CEK", 60, 3), "lapor_text": filler("Terima kasih", 160),
    "offer_text": filler("Tanda bahaya", 60), "village_name": filler("Desa", 40),
    "village_district": filler("Kabupaten", 40), "report_about": filler("Tentang", 60),
    "agency_text": lines("Agen", 60, 3), "candidates": filler("Nama mirip", 20),
    "kabar_saved": 8, "officer": "petugas desa " + filler("Petugas", 25),
    "codes": filler("Kode", 20), "min_year": 2009, "max_year": 2026,
    "my_officer": "\nPengawas kabupaten panjenengan: " + filler("Petugas", 30) + " +6281234567890",
    "role": filler("Peran", 20), "child_count": "8", "case_text": lines("Kasus", 60, 5),
    "acted_text": filler("Kasus diterima", 150), "case": "kasus ditutup petugas",
    "problem_codes": lines("Kode masalah", 25, 8), "people": filler("Orang", 40),
    "used": "2400", "budget": "3000", "hours": 48, "by": filler("Petugas", 30), "most": 160,
    "link": "https://desmigratif.kemnaker.go.id/desk/sandi?t=" + "x" * 16,  # a 33-letter host
}  # fmt: skip
# A job offer showing every red flag at once (no_route and closed exclude each other).
WORST_OFFER = {"region": "closed_domestic", "job": "domestic", "employer": "individual",
               "visa": "tourist", "age": 15, "money": "fee"}  # fmt: skip
SESSION = {
    **PARAMS,
    "people": [[i, filler("Nama", 40)] for i in range(4)],
    "person_id": 1,
    "role": "caregiver",
    "children": [{}] * 3,
    "cek_choices": [[f"KEP.{i}/PK.02/2024", filler("Nama agen", 60)] for i in range(3)],
    "officer_cases": [["KAAAAA", filler("Kasus", 50)] for _ in range(4)],
}


def state(screen_id: str, lang: str, history: list[str], phone: str = PHONE) -> State:
    """A session standing on `screen_id` having come through `history`, knowing the longest
    of everything (a job offer with every red flag)."""
    data = dict(SESSION, offer_text=offer.red_flags(WORST_OFFER, lang))
    return State(phone=phone, lang=lang, screen=screen_id, history=list(history), data=data)
