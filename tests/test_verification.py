"""CEK, LAPOR and scam waves against a registry imported through the real CLI."""

import pytest

from gateway import gsm7, i18n
from gateway.models import (
    Agency, BrokerReport, InboundSms, OutboxMessage, Person, RuleItem, ScamWave, Verification,
    Village,
)
from tests.ussd_phone import Phone

AGENCIES = """licence_no,name,address,valid_until,status
SIP3MI-001/2024,PT Maju Jaya Abadi,Malang,2027-06-30,active
SIP3MI-002/2024,PT Bina Karya Sentosa,Blitar,2025-01-31,active
SIP3MI-003/2023,PT Cahaya Tenaga Mandiri,Kediri,2027-06-30,revoked
SIP3MI-004/2024,PT Duta Sarana,Jember,2027-06-30,suspended
SIP3MI-005/2024,PT Mitra Global Utama,Surabaya,2027-06-30,active
SIP3MI-006/2024,PT Mitra Global Usaha,Surabaya,2027-06-30,active
SIP3MI-007/2024,PT Mitra Global Unggul,Surabaya,2027-06-30,active
"""
JOB_ORDERS = """code,licence_no,country,occupation,employer_type,positions,valid_until,status
JO-TW-0001,SIP3MI-001/2024,TW,pengasuh lansia,individual,5,2027-03-31,active
JO-SA-0002,SIP3MI-001/2024,SA,pengurus rumah tangga,individual,10,2027-03-31,active
JO-MY-0003,SIP3MI-001/2024,MY,operator pabrik,company,40,2027-03-31,active
JO-KH-0004,SIP3MI-001/2024,KH,operator,company,3,2027-03-31,active
JO-TW-0005,SIP3MI-002/2024,TW,operator pabrik,company,3,2027-03-31,active
JO-HK-0006,SIP3MI-001/2024,HK,pengasuh anak,individual,1,2027-03-31,closed
"""
ASKER = "+6281234567890"


@pytest.fixture
def registry(app, tmp_path):
    agencies, job_orders = tmp_path / "agencies.csv", tmp_path / "job_orders.csv"
    agencies.write_text(AGENCIES)
    job_orders.write_text(JOB_ORDERS)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["import-agencies", str(agencies), "--as-of", "2026-11-20"])
    assert first.output.startswith("7 row(s) accepted (7 new agencies), 0 refused."), first.output
    second = runner.invoke(args=["import-job-orders", str(job_orders), "--as-of", "2026-11-21"])
    assert second.output.startswith("6 row(s) accepted (6 new job orders)"), second.output
    return tmp_path


def cek(client, query, msg_id="c1", sender=ASKER):
    response = client.post("/sms/incoming", data={"from": sender, "id": msg_id,
                                                  "text": f"CEK {query}"})
    assert response.status_code == 200
    return OutboxMessage.select().where(OutboxMessage.to == sender).order_by(
        OutboxMessage.id.desc()).first().text


TAIL = "Data {}. Jangan bayar/beri paspor sblm dicek."


@pytest.mark.parametrize("query, start, reason", [
    ("SIP3MI-001/2024", "TERDAFTAR: PT Maju Jaya Abadi.", "Izin s/d 30-06-27."),
    ("sip3mi 001 2024", "TERDAFTAR: PT Maju Jaya Abadi.", "Minta kode job order."),
    ("maju jyaa abadi", "TERDAFTAR: PT Maju Jaya Abadi.", "Izin s/d 30-06-27."),
    ("pt. MAJU-JAYA", "TERDAFTAR: PT Maju Jaya Abadi.", "Izin s/d 30-06-27."),
    ("Bina Karya Sentosa", "TIDAK TERDAFTAR: PT Bina Karya Sentosa.", "Izin habis 31-01-25."),
    ("cahaya tenaga mandiri", "TIDAK TERDAFTAR: PT Cahaya Tenaga Mandiri.", "Izin DICABUT."),
    ("SIP3MI-004/2024", "TIDAK TERDAFTAR: PT Duta Sarana.", "Izin DIBEKUKAN."),
    ("PT Sukses Selalu", "TIDAK TERDAFTAR: PT Sukses Selalu.", "Tidak ada di data KP2MI."),
    ("Mitra Global", "Ada beberapa agensi mirip: 1 PT Mitra Global", "Kirim CEK dengan nama"),
])
def test_each_agency_rule_answers_in_one_sms(client, registry, query, start, reason):
    text = cek(client, query)
    assert text.startswith(start), text
    assert reason in text and gsm7.fits(text)
    if not start.startswith("Ada"):
        assert "Data 20-11-26." in text and "Jangan bayar/beri paspor" in text


def test_an_unknown_name_says_how_to_report(client, registry):
    assert "Lapor: SMS LAPOR isi." in cek(client, "PT Sukses Selalu")


@pytest.mark.parametrize("query, start, reasons", [
    ("JO-TW-0001", "TERDAFTAR: JO-TW-0001 PT Maju Jaya Abadi.",
     ["TW, pengasuh lansia, s/d 31-03-27.", "BEBAS BIAYA."]),
    ("jo my 0003", "TERDAFTAR: JO-MY-0003", ["MY, operator pabrik, s/d 31-03-27."]),
    ("JO-TW-9999", "TIDAK DAPAT DIPASTIKAN: JO-TW-9999.", ["Kode tidak dikenal: minta kode job order resmi."]),
    ("JO-SA-0002", "TIDAK DAPAT DIPASTIKAN: JO-SA-0002",
     ["Tujuan DITUTUP utk PRT perorangan."]),
    ("JO-KH-0004", "TIDAK DAPAT DIPASTIKAN: JO-KH-0004", ["TIDAK ADA jalur resmi"]),
    ("JO-TW-0005", "TIDAK TERDAFTAR: JO-TW-0005 PT Bina Karya Sentosa.", ["Izin habis"]),
    ("JO-HK-0006", "TIDAK TERDAFTAR: JO-HK-0006", ["Job order TIDAK BERLAKU."]),
])
def test_each_job_order_rule(client, registry, query, start, reasons):
    text = cek(client, query)
    assert text.startswith(start), text
    assert all(reason in text for reason in reasons), text
    assert gsm7.fits(text)
    if query != "JO-TW-9999" and "Izin habis" not in reasons:
        assert "Data 21-11-26." in text  # the job-order snapshot's date


QUERIES = ["SIP3MI-001/2024", "Bina Karya", "cahaya tenaga", "Duta Sarana", "PT Nowhere",
           "Mitra Global", "JO-TW-0001", "JO-SA-0002", "JO-KH-0004", "JO-HK-0006", "JO-XX-1234"]


@pytest.mark.parametrize("lang", ["id", "en", "jv"])
def test_every_answer_fits_one_segment_in_every_language(client, registry, lang):
    from gateway.models import Contact

    Contact.create(phone=ASKER, language=lang)
    for i, query in enumerate(QUERIES):
        text = cek(client, query, msg_id=f"m{i}")
        assert gsm7.fits(text), (lang, query, gsm7.septets(text), text)


def test_the_longest_names_are_cut_to_fit(client, registry):
    Agency.update(name="PT " + "Sangat Panjang Sekali " * 5).where(
        Agency.licence_no == "SIP3MI-001/2024").execute()
    for lang in ("id", "en", "jv"):
        from gateway.models import Contact

        Contact.delete().execute()
        Contact.create(phone=ASKER, language=lang)
        for i, query in enumerate(["SIP3MI-001/2024", "JO-SA-0002", "JO-TW-0001"]):
            text = cek(client, query, msg_id=f"{lang}{i}")
            assert gsm7.fits(text) and ".." in text, (lang, gsm7.septets(text), text)


def test_a_replayed_cek_is_answered_once_and_logged_once(client, registry):
    for _ in range(3):
        cek(client, "Maju Jaya", msg_id="same")
    assert InboundSms.select().count() == 1
    assert OutboxMessage.select().count() == 1 and Verification.select().count() == 1


def test_the_log_keeps_the_query_the_match_and_the_askers_village(client, registry):
    village = Village.create(code="3507102001", name="Sumberejo", district="Malang",
                             province="Jawa Timur")
    Person.create(phone=ASKER, name="Rina", role="calon_pmi", village=village)
    cek(client, "maju jyaa abadi")
    log = Verification.get()
    assert (log.query, log.result, log.agency.licence_no, log.village.name, log.channel) == (
        "maju jyaa abadi", "registered", "SIP3MI-001/2024", "Sumberejo", "sms")


def test_cek_without_a_query_explains_itself(client, registry):
    assert cek(client, "").startswith("Kirim CEK lalu nama agensi")


def test_before_any_import_the_answer_says_there_is_no_data_yet(client):
    assert "Data belum ada." in cek(client, "Maju Jaya")
