"""CEK, LAPOR and scam waves against a registry imported through the real CLI."""

import pytest

from gateway import gsm7, i18n
from gateway.models import (
    Agency,
    InboundSms,
    OutboxMessage,
    Person,
    Verification,
)
from gateway.verification import index, names
from tests.conftest import sms
from tests.registry_data import ASKER, cek


@pytest.mark.parametrize(
    "query, start, reason",
    [
        ("SIP3MI-001/2024", "TERDAFTAR: PT Maju Jaya Abadi.", "Izin s/d 30-06-27."),
        ("sip3mi 001 2024", "TERDAFTAR: PT Maju Jaya Abadi.", "Minta kode job order."),
        ("pt. MAJU-JAYA abadi", "TERDAFTAR: PT Maju Jaya Abadi.", "Izin s/d 30-06-27."),
        ("CV Maju  Jaya, Abadi", "TERDAFTAR: PT Maju Jaya Abadi.", "Izin s/d 30-06-27."),
        (
            "maju jyaa abadi",
            "TIDAK DITEMUKAN: maju jyaa abadi.",
            "Mirip: Maju Jaya Abadi (aktif, Malang). Surat hrs PERSIS.",
        ),
        ("pt. MAJU-JAYA", "TIDAK DITEMUKAN: MAJU-JAYA.", "Maju Jaya Abadi (aktif, Malang)"),
        ("Bina Karya Sentosa", "TIDAK TERDAFTAR: PT Bina Karya Sentosa.", "Izin habis 31-01-25."),
        ("cahaya tenaga mandiri", "TIDAK TERDAFTAR: PT Cahaya Tenaga Mandiri.", "Izin DICABUT."),
        ("SIP3MI-004/2024", "TIDAK TERDAFTAR: PT Duta Sarana.", "Izin DIBEKUKAN."),
        ("PT Sukses Selalu", "TIDAK TERDAFTAR: PT Sukses Selalu.", "Tidak ada di data KP2MI."),
        ("Mitra Global", "TIDAK DITEMUKAN: Mitra Global.", "Mirip: Mitra Global U"),
        (
            "Cahaya Tenaga Mandri",
            "TIDAK DITEMUKAN: Cahaya Tenaga M",  # the typed name cut or not...
            "Mirip: Cahaya Tenaga Mandiri (dicabut",
        ),  # ...never the registered one
        ("SIP3MI-999/2024", "TIDAK TERDAFTAR: SIP3MI-999/2024.", "Nomor izin ini tidak ada"),
        ("KEP.118/PK.02/2052", "TIDAK TERDAFTAR: KEP.118/PK.02/2052.", "Nomor izin ini tidak ada"),
    ],
)
def test_each_agency_rule_answers_in_one_sms(client, registry, query, start, reason):
    text = cek(client, query)
    assert text.startswith(start), text
    assert reason in text and gsm7.fits(text)
    assert "Data 20-11-26." in text and "bayar/beri paspor" in text


def test_an_unknown_name_says_how_to_report(client, registry):
    assert "Lapor: SMS LAPOR isi." in cek(client, "PT Sukses Selalu")


@pytest.mark.parametrize(
    "query, start, reasons",
    [
        (
            "JO-TW-0001",
            "TERDAFTAR: JO-TW-0001 Maju Jaya Abadi.",
            ["Taiwan, pengasuh lansia, s/d 31-03-27.", "BEBAS BIAYA."],
        ),
        ("jo my 0003", "TERDAFTAR: JO-MY-0003", ["Malaysia, operator pabrik, s/d 31-03-27."]),
        (
            "JO-TW-9999",
            "TIDAK DAPAT DIPASTIKAN: JO-TW-9999.",
            ["Kode tidak dikenal: minta kode job order resmi."],
        ),
        ("JO-SA-0002", "TIDAK TERDAFTAR: JO-SA-0002", ["PRT ke Arab Saudi DITUTUP."]),
        ("JO-KH-0004", "TIDAK TERDAFTAR: JO-KH-0004", ["TIDAK ADA jalur resmi ke Kamboja."]),
        ("JO-TW-0005", "TIDAK TERDAFTAR: JO-TW-0005 Bina Karya Sentosa.", ["Izin habis"]),
        ("JO-HK-0006", "TIDAK TERDAFTAR: JO-HK-0006.", ["Job order DITUTUP."]),
    ],
)
def test_each_job_order_rule(client, registry, query, start, reasons):
    text = cek(client, query)
    assert text.startswith(start), text
    assert all(reason in text for reason in reasons), text
    assert gsm7.fits(text)
    if query != "JO-TW-9999" and "Izin habis" not in reasons:
        assert "Data 21-11-26." in text  # the job-order snapshot's date


QUERIES = [
    "SIP3MI-001/2024",
    "Bina Karya",
    "cahaya tenaga",
    "Duta Sarana",
    "PT Nowhere",
    "Mitra Global",
    "JO-TW-0001",
    "JO-SA-0002",
    "JO-KH-0004",
    "JO-HK-0006",
    "JO-XX-1234",
]


@pytest.mark.parametrize("lang", ["id", "en", "jv"])
def test_every_answer_fits_one_segment_in_every_language(client, registry, lang):
    from gateway.models import Contact

    Contact.create(phone=ASKER, language=lang)
    for i, query in enumerate(QUERIES):
        text = cek(client, query, msg_id=f"m{i}")
        assert gsm7.fits(text), (lang, query, gsm7.septets(text), text)


def test_the_longest_names_are_cut_to_fit(client, registry):
    Agency.update(name="PT " + "Sangat Panjang Sekali " * 5).where(
        Agency.licence_no == "SIP3MI-001/2024"
    ).execute()
    index.forget()  # a hand edit, not an import
    for lang in ("id", "en", "jv"):
        from gateway.models import Contact

        Contact.delete().execute()
        Contact.create(phone=ASKER, language=lang)
        text = cek(client, "SIP3MI-001/2024", msg_id=f"{lang}-licence")
        assert gsm7.fits(text) and ".." in text, (lang, gsm7.septets(text), text)
        for i, query in enumerate(["JO-SA-0002", "JO-TW-0001"]):
            text = cek(client, query, msg_id=f"{lang}{i}")  # the code whole, the name dropped
            assert gsm7.fits(text) and f"{query}." in text and "Sangat" not in text, text


@pytest.mark.parametrize("lang", ["id", "en", "jv"])
def test_a_yes_names_the_agency_whole_however_long(client, registry, lang):
    # The name is what the papers must match: "PT Sumber Rejeki Abadi Sejahtera M.." would
    # read as a yes for "...Makmur" as well. Room comes from the wording, never from the name.
    from gateway.models import Contact

    name = "Sumber Rejeki Sejahtera Mandiri"  # 31 letters: longer than most
    Agency.update(name="PT " + name, name_key=names.normalise(name)).where(
        Agency.licence_no == "SIP3MI-001/2024"
    ).execute()
    index.forget()  # a hand edit, not an import
    Contact.create(phone=ASKER, language=lang)
    registered = i18n.text(lang, "cek.registered").split(":")[0] + ": "
    by_licence, by_job_order, by_name = (
        cek(client, query, msg_id=f"{lang}-{query}")
        for query in ("SIP3MI-001/2024", "JO-TW-0001", name)
    )
    for text in (by_licence, by_job_order, by_name):
        assert gsm7.fits(text) and f" {name}." in text, (gsm7.septets(text), text)
    assert by_licence.startswith(registered) and by_name.startswith(registered)
    assert by_job_order.startswith(f"{registered}JO-TW-0001 {name}. Taiwan, ")
    assert i18n.text(lang, "reason.zero_cost") in by_job_order  # a care job: nothing to pay


def test_even_a_very_long_registered_name_is_given_whole(client, registry):
    name = "Sumber Rejeki Sejahtera Mandiri Makmur Abadi Internasional Indonesia"  # 68
    Agency.update(name="PT " + name, name_key=names.normalise(name)).where(
        Agency.licence_no == "SIP3MI-001/2024"
    ).execute()
    index.forget()
    text = cek(client, "SIP3MI-001/2024")
    assert text.startswith(f"TERDAFTAR: {name}. Data ") and gsm7.fits(text), text


def test_a_refused_row_naming_a_registered_agency_changes_nothing(app, client, registry):
    # One good row, one with a date the parser refuses. Dropping the refused agency would call
    # a real one TIDAK TERDAFTAR; keeping it would keep what the export may have revoked, under
    # the new export's date. So nothing changes until the row is fixed.
    path = registry / "next.csv"
    path.write_text(
        "licence_no,name,address,valid_until,status\n"
        "SIP3MI-002/2024,PT Bina Karya Sentosa,Blitar,2028-01-31,active\n"
        "SIP3MI-001/2024,PT Maju Jaya Abadi,Malang,31-12-2027,revoked\n"
    )
    result = app.test_cli_runner().invoke(
        args=["import-agencies", str(path), "--as-of", "2026-11-22"]
    )
    assert result.exit_code == 1 and "line 3, column valid_until" in result.output
    assert "nothing changed: a list is replaced whole, and the row(s) at line(s) 3" in (
        result.output
    )
    assert Agency.select().count() == 7  # the registry in force, whole
    assert Agency.get(Agency.licence_no == "SIP3MI-002/2024").valid_until.year == 2025
    assert cek(client, "PT Maju Jaya Abadi").endswith("Data 20-11-26. Jangan bayar/beri paspor "
                                                      "sblm dicek. KP2MI 0800-1000")  # fmt: skip


def test_a_replayed_cek_is_answered_once_and_logged_once(client, registry):
    for _ in range(3):
        sms(client, "CEK Maju Jaya", sender=ASKER, msg_id="same")
    assert InboundSms.select().count() == 1
    assert OutboxMessage.select().count() == 1 and Verification.select().count() == 1


def test_the_log_keeps_the_query_the_match_and_the_askers_village(client, registry, village):
    Person.create(phone=ASKER, name="Rina", role="calon_pmi", village=village)
    cek(client, "PT Maju Jaya Abadi")
    cek(client, "maju jyaa abadi")
    exact, typo = Verification.select().order_by(Verification.id)
    assert (
        exact.query,
        exact.result,
        exact.agency.licence_no,
        exact.village.name,
        exact.channel,
    ) == ("PT Maju Jaya Abadi", "registered", "SIP3MI-001/2024", "Sumberejo", "sms")
    assert (typo.result, typo.agency) == ("not_found", None)


def test_cek_without_a_query_explains_itself(client, registry):
    assert cek(client, "").startswith("Kirim CEK lalu nama agensi")


def test_before_any_import_the_answer_says_there_is_no_data_yet(client):
    assert "Data belum ada." in cek(client, "Maju Jaya")


def test_a_cek_scans_no_table_and_a_new_import_is_used_at_once(app, client, registry):
    """The registry's names are matched in memory; an import renews them for the next CEK."""
    from gateway.models import db

    cek(client, "Bina Krya Sentosa")  # a look-alike: the index is built
    seen = []
    db.obj.query_hooks.append(lambda event: seen.append(event.sql))
    try:
        assert "Mirip: Maju Jaya Abadi" in cek(client, "Maju Jaay Abadi")  # a look-alike
    finally:
        db.obj.query_hooks.pop()
    agency_scans = [sql for sql in seen if 'FROM "agency"' in sql and "WHERE" not in sql]
    assert agency_scans == []
    renamed = registry / "agencies.csv"
    renamed.write_text(renamed.read_text().replace("PT Maju Jaya Abadi", "PT Surya Abadi"))
    result = app.test_cli_runner().invoke(
        args=["import-agencies", str(renamed), "--as-of", "2026-11-22"]
    )
    assert result.exit_code == 0, result.output
    assert "Mirip: Surya Abadi" in cek(client, "Surya Abaid")


def test_ranking_offers_what_scoring_every_name_would():
    """The C-level prefilter never drops a name score() would offer: typos, words left out,
    a word alone, words run together, swapped."""
    registered = [
        "MAJU JAYA ABADI",
        "MAJU JAYA",
        "BINA KARYA SENTOSA",
        "SINAR HARAPAN MULIA",
        "SURYA ABADI",
        "CIPTA KARYA MANDIRI UTAMA",
        "KARYA",
        "GLOBAL INTERNASIONAL",
        "MITRA GLOBAL INTERNASIONAL SEJAHTERA",
    ]
    keys = {agency_id: name for agency_id, name in enumerate(registered, start=1)}
    queries = [
        "MAJU JAAY ABADI", "MAJU", "JAYA ABADI", "BNA KRYA SENTOSA", "SINARHARAPAN MULIA",
        "HARAPAN SINAR", "KARYA", "KARYA MANDIRI", "GLOBAL", "INTERNASIONAL GLOBAL",
        "MITRA SEJAHTERA", "SURYA", "ABADI", "XYZ", "CIPTA",
    ]  # fmt: skip
    for query in queries:
        every = [(i, names.score(query, name)) for i, name in keys.items()]
        expected = sorted(
            [(i, value) for i, value in every if value >= names.CLOSE], key=lambda f: (-f[1], f[0])
        )[:3]
        assert names.rank(query, keys, index._word_names(keys)) == expected, query
    assert names.rank("MAJU", keys, index._word_names(keys))  # the check can fail: some offered
