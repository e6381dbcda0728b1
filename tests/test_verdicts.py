"""Issue 9: verification answers a worried person cannot misread, on a registry export shaped
like the real ones (decree-style licence numbers, every status word, look-alike names)."""

import pytest

from gateway import gsm7, i18n
from gateway.models import Agency, Contact, JobOrder, OutboxMessage, Person, Report, Village
from gateway.verification import index, names
from tests.conftest import add_officer
from tests.registry_data import ASKER, cek
from tests.ussd_phone import Phone

AGENCIES = """licence_no,name,address,valid_until,status
KEP.101/PK.02/2024,PT Sinar Harapan Mulia,"Jl. Merdeka 1, Malang",2027-06-30,aktif
KEP.102/PK.02/2024,PT Sinar Harapan Mandiri,"Jl. Kartini 2, Blitar",2027-06-30,AKTIF
KEP.103/PK.02/2024,PT Mega Sentosa Jaya,"Jl. Sudirman 3, Kediri",2027-06-30,active
KEP.104/PK.02/2023,PT Maju Jaya Sentosa,"Jl. Ahmad Yani 4, Jember",2027-06-30,dicabut
KEP.105/PK.02/2022,PT Abadi Sentosa Karya,"Jl. Diponegoro 5, Madiun",2025-01-31,aktif
KEP.106/PK.02/2024,PT Duta Sarana Insani,"Jl. Gajah Mada 6, Tulungagung",2027-06-30,Ditangguhkan
KEP.107/PK.02/2024,PT Berkah Syarikah Mandiri,"Jl. Pemuda 7, Surabaya",2027-06-30,active
"""
JOB_ORDERS = """code,licence_no,country,occupation,employer_type,positions,valid_until,status
JO-TW-2025-0001,KEP.101/PK.02/2024,TW,pengasuh lansia,individual,5,2027-03-31,aktif
JO-TW-2025-0002,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2027-03-31,expired
JO-TW-2025-0003,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2027-03-31,Kedaluwarsa
JO-TW-2025-0004,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2027-03-31,cancelled
JO-TW-2025-0005,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2027-03-31,DIBATALKAN
JO-TW-2025-0006,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2027-03-31,closed
JO-TW-2025-0007,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2027-03-31,ditutup
JO-TW-2025-0008,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2027-03-31,suspended
JO-TW-2025-0009,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2027-03-31,ditangguhkan
JO-TW-2025-0010,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2027-03-31,revoked
JO-TW-2025-0011,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2027-03-31,Dicabut
JO-TW-2025-0012,KEP.101/PK.02/2024,TW,operator pabrik,company,5,2026-01-31,active
JO-SA-2025-0007,KEP.101/PK.02/2024,SA,pengurus rumah tangga,individual,10,2027-03-31,active
JO-SA-2025-0008,KEP.101/PK.02/2024,SA,pengurus rumah tangga,company,10,2027-03-31,active
JO-SA-2025-0009,KEP.107/PK.02/2024,SA,pengurus rumah tangga,company,10,2027-03-31,active
JO-AE-2025-0001,KEP.101/PK.02/2024,AE,pengasuh anak,company,3,2027-03-31,active
"""


@pytest.fixture
def export(app, tmp_path):
    """The registry export, imported through the CLI as an operator does."""
    agencies, job_orders = tmp_path / "agencies.csv", tmp_path / "job_orders.csv"
    agencies.write_text(AGENCIES)
    job_orders.write_text(JOB_ORDERS)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["import-agencies", str(agencies), "--as-of", "2026-11-20"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["import-job-orders", str(job_orders), "--as-of", "2026-11-21"])
    assert second.exit_code == 0, second.output
    assert second.output.startswith("16 row(s) accepted (16 new job orders), 0 refused.")
    return tmp_path


def reimport(app, export, kind, text):
    """A later export of `kind` (agencies, job-orders), dated 2026-11-22, through the CLI."""
    path = export / f"next-{kind}.csv"
    path.write_text(text)
    return app.test_cli_runner().invoke(args=[f"import-{kind}", str(path), "--as-of", "2026-11-22"])


# 1. A near match is never a yes.


@pytest.mark.parametrize(
    "query, start, registered",
    [
        (
            "PT Sinar Harapan Mulya",
            "TIDAK DITEMUKAN: Sinar Harapan Mulya.",
            "Mirip: Sinar Harapan Mulia (aktif, Malang)",
        ),
        (
            "sinar harapan mandri",
            "TIDAK DITEMUKAN: sinar harapan mandri.",
            "Sinar Harapan Mandiri (aktif, Blitar)",
        ),
        (
            "maju jaya sentosa abadi",  # a registered name and a word: never cut to it
            "TIDAK DITEMUKAN: maju jaya sentosa abadi.",
            "Maju Jaya Sentosa (dicabut",
        ),
        (
            "Abadi Sentosa Karyaa",
            "TIDAK DITEMUKAN: Abadi Sentosa Karyaa.",
            "Abadi Sentosa Karya (izin habis",
        ),
        (
            "Duta Sarana Insan",
            "TIDAK DITEMUKAN: Duta Sarana Insan.",
            "Duta Sarana Insani (dibekukan",
        ),
    ],
)
def test_a_look_alike_is_not_found_as_typed(client, export, query, start, registered):
    text = cek(client, query)
    assert text.startswith(start), text
    assert registered in text and "Surat hrs PERSIS." in text
    assert "Data 20-11-26." in text and "KP2MI 0800-1000" in text and gsm7.fits(text)


@pytest.mark.parametrize(
    "query",
    [
        "PT Sinar Harapan Mulia",
        "sinar harapan mulia",
        "SINAR  HARAPAN, MULIA",
        "PT. Sinar-Harapan Mulia",
        "KEP.101/PK.02/2024",
        "kep 101 pk 02 2024",
        "KEP-101-PK-02-2024",
        "P.T. Sinar Harapan Mulia",  # the legal form dotted
        "Sinar Harapan Mulia, PT",  # ...or at the end
        "sinarharapanmulia",  # spaces left out are forgiven, as case and punctuation are
        "Sinar HarapanMulia",
    ],
)
def test_only_the_exact_name_or_licence_is_terdaftar(client, export, query):
    assert cek(client, query).startswith("TERDAFTAR: PT Sinar Harapan Mulia. Izin s/d 30-06-27.")


@pytest.mark.parametrize(
    "query",
    [
        "Sinar PT Harapan CV Mulia",  # PT/CV forgiven only as the legal form, not anywhere
        "PT Sinar Harapan Mulia Tbk",  # another company's name (only PT/CV are forgiven)
        "Sinar Harapan Mulia P3MI Persero",
        "P3MI Sinar Harapan Mulia",
        "PT Sinarha Rapan Mulia",  # a space moved, not left out
        "Sina Rharapan Mulia",
        "Sinar Harapan Muli A",
        "Sinar Harapan MuliÖa",  # a letter outside the alphabet is not a space
        "Sınar Harapan Mulia",  # a dotless i is not an I
    ],
)
def test_words_added_to_a_registered_name_make_another_name(client, export, query):
    text = cek(client, query)
    assert text.startswith("TIDAK DITEMUKAN: "), text
    # What was typed, cut or not, never reads as the registered name it is not.
    typed = text.split(". Mirip:")[0].removeprefix("TIDAK DITEMUKAN: ").rstrip(".")
    assert names.normalise(typed) != "SINAR HARAPAN MULIA", text
    assert "Mirip: Sinar Harapan Mulia (aktif" in text


@pytest.mark.parametrize("query", ["KEP.101/PK.0/22024", "KEP.10/1PK.02/2024", "KEP101/PK02/2024"])
def test_a_licence_number_grouped_otherwise_is_another_number(client, export, query):
    # The same letters and digits, split elsewhere: not the registered number as written.
    text = cek(client, query)
    assert text.startswith(f"TIDAK DITEMUKAN: {query}."), text
    assert "Mirip: Sinar Harapan Mulia (aktif" in text and "Surat hrs PERSIS." in text


def test_two_licence_numbers_of_the_same_characters_each_find_their_own(app, client, export):
    twins = (
        'KEP.11/PK.02/2024,PT Satu Satu,"Jl. Satu, Malang",2027-06-30,aktif\n'
        'KEP.1/1PK.02/2024,PT Satu Dua,"Jl. Dua, Malang",2027-06-30,aktif\n'
    )
    assert reimport(app, export, "agencies", AGENCIES + twins).exit_code == 0
    assert cek(client, "KEP.11/PK.02/2024", msg_id="a").startswith("TERDAFTAR: PT Satu Satu.")
    assert cek(client, "KEP.1/1PK.02/2024", msg_id="b").startswith("TERDAFTAR: PT Satu Dua.")


def test_the_legal_form_at_the_end_tells_two_registered_names_apart(app, client, export):
    forms = (
        'KEP.201/PK.02/2024,PT Karya Utama,"Jl. Satu, Malang",2027-06-30,dicabut\n'
        'KEP.202/PK.02/2024,CV Karya Utama,"Jl. Dua, Malang",2027-06-30,aktif\n'
    )
    assert reimport(app, export, "agencies", AGENCIES + forms).exit_code == 0
    assert cek(client, "Karya Utama PT", msg_id="a").startswith("TIDAK TERDAFTAR: PT Karya Utama.")


@pytest.mark.parametrize(
    "query, start",
    [
        ("PT Sinar Harapan Mulia KEP.101/PK.02/2024", "TERDAFTAR: PT Sinar Harapan Mulia."),
        # A name that is not the licence's own: a look-alike, or another agency's licence.
        ("PT Sinar Harapan Mulya KEP.101/PK.02/2024", "TIDAK DITEMUKAN: "),
        ("PT Sinar Harapan Mandiri KEP.101/PK.02/2024", "TIDAK DITEMUKAN: "),
    ],
)
def test_a_name_given_with_a_licence_number_must_be_that_licences_own(client, export, query, start):
    text = cek(client, query)
    assert text.startswith(start), text
    assert "Sinar Harapan Mulia (aktif" in text or text.startswith("TERDAFTAR")
    assert "Nomor izin ini tidak ada" not in text  # the number is registered


def test_a_job_order_code_grouped_otherwise_is_not_confirmed(client, export):
    assert not cek(client, "JO-TW-20/25-0001").startswith("TERDAFTAR")


@pytest.mark.parametrize(
    "query", ["KEP-118-PK-02-2052", "KEP 118 PK 02 2052", "KEP.118/PK.02/2052"]
)
def test_a_fake_licence_number_is_not_registered_however_it_is_written(client, export, query):
    assert cek(client, query).startswith(f"TIDAK TERDAFTAR: {query}. Nomor izin ini tidak ada")


def test_no_one_letter_change_of_any_registered_name_is_terdaftar(client, export):
    answers = []
    for agency in list(Agency.select()):
        name = agency.name.removeprefix("PT ")
        for i in range(len(name)):
            if name[i].isalpha():
                typo = name[:i] + ("x" if name[i] != "x" else "y") + name[i + 1 :]
                answers.append((typo, cek(client, typo, msg_id=f"{agency.id}-{i}")))
    assert len(answers) > 100
    assert not [(typo, text) for typo, text in answers if text.startswith("TERDAFTAR")]


def test_a_made_up_name_gets_a_result_word(client, export):
    assert cek(client, "PT Cahaya Bulan Purnama").startswith(
        "TIDAK TERDAFTAR: PT Cahaya Bulan Purnama. Tidak ada di data KP2MI."
    )


@pytest.mark.parametrize(
    "lang, start, registered",
    [
        ("en", "NOT FOUND: Sinar Harapan Mulya.", "Similar: Sinar Harapan Mulia (active"),
        (
            "jv",
            "BOTEN KEPANGGIH: Sinar Harapan Mulya.",
            "Mirip: Sinar Harapan Mulia (aktif",
        ),
    ],
)
def test_the_look_alike_answer_in_english_and_javanese(client, export, lang, start, registered):
    Contact.create(phone=ASKER, language=lang)
    text = cek(client, "PT Sinar Harapan Mulya")
    assert text.startswith(start) and registered in text and gsm7.fits(text), text


LONG_NAME = "PT Bumi Putra Sejahtera Mandiri Internasional Indonesia Raya Nusantara Jaya"


def test_a_long_registered_name_with_words_added_after_its_60th_is_no_yes(app, client, export):
    reimport(
        app,
        export,
        "agencies",
        AGENCIES + f"KEP.108/PK.02/2024,{LONG_NAME},Jl. Raya 2 Kediri,2027-12-31,aktif\n",
    )
    assert cek(client, LONG_NAME, msg_id="whole").startswith("TERDAFTAR:")
    fake = cek(client, LONG_NAME + " Cabang Palsu Batam", msg_id="fake")
    assert fake.startswith("TIDAK DITEMUKAN:") and "(aktif" in fake, fake
    phone = Phone(client)
    phone.dial()
    assert phone.press("2", "1", LONG_NAME).startswith("END TERDAFTAR:")  # USSD takes it whole


def test_a_long_revoked_name_keeps_its_reason(app, client, export):
    long_name = "PT Sinar Cahaya Abadi Makmur Sentosa Sejahtera Jaya Internasional Raya Nusantara"
    reimport(
        app,
        export,
        "agencies",
        AGENCIES + f"KEP.702/PK.02/2024,{long_name},Kediri,2027-12-31,dicabut\n",
    )
    text = cek(client, "KEP.702/PK.02/2024")
    assert text.startswith("TIDAK TERDAFTAR: ") and "DICABUT" in text and gsm7.fits(text), text
    assert "  " not in text


@pytest.mark.parametrize("name", ["شركة النور", "Пётр Групп"])
def test_a_licence_number_with_a_name_in_other_letters_is_no_yes(client, export, name):
    text = cek(client, f"KEP.101/PK.02/2024 {name}")
    assert not text.startswith("TERDAFTAR"), text
    assert "Sinar Harapan Mulia" in text  # the licence's own name, to compare with the papers


@pytest.mark.parametrize("query", ["شركة", "شركة 😀😀😀"])  # emoji alone: test_outbox.py
def test_a_name_in_other_letters_keeps_its_reason_in_one_gsm7_sms(client, export, query):
    text = cek(client, query)
    assert gsm7.is_gsm7(text) and gsm7.fits(text), text
    assert text.startswith("TIDAK TERDAFTAR: ") and "Tidak ada di data KP2MI." in text, text
    assert "  " not in text


def test_ussd_shows_every_candidates_status_and_none_of_these(client, export):
    phone = Phone(client)
    phone.dial()
    pick = phone.press("2", "1", "maju jaya sentosa abadi")
    while "98 " in pick.splitlines()[-1]:
        pick += "\n" + phone.press("98")
    assert "Maju Jaya Sentosa (dicabut)" in pick and "Mega Sentosa Jaya (aktif)" in pick
    none = next(
        line.split()[0] for line in pick.splitlines() if line.endswith(i18n.text("id", "cek.none"))
    )
    answer = phone.press(none)
    assert answer.startswith(
        "CON TIDAK TERDAFTAR: maju jaya sentosa abadi.\nTidak ada di data KP2MI."
    )


def test_picking_a_candidate_on_ussd_never_says_terdaftar(client, export):
    phone = Phone(client)
    phone.dial()
    pick = phone.press("2", "1", "Sinar Harapan Mulya")
    assert pick.startswith("CON " + i18n.text("id", "cek.pick"))
    assert "1 Sinar Harapan Mulia (aktif)" in pick
    answer = phone.press("1")
    assert answer.startswith(
        "CON TIDAK DITEMUKAN: Sinar Harapan Mulya.\nMirip: Sinar Harapan Mulia (aktif, Malang)."
    )


def test_a_pick_after_a_new_registry_import_names_the_agency_offered(app, client, export):
    # The list was shown, then an import dropped the agency (the last one: its id is free
    # again on SQLite) and added another: picking it must not name the newcomer.
    phone = Phone(client)
    phone.dial()
    assert "1 Berkah Syarikah Mandiri (aktif)" in phone.press("2", "1", "Berkah Syarikah Mandri")
    newcomer = 'KEP.199/PK.02/2024,PT Lain Sekali Jaya,"Jl. Baru 9, Batam",2027-06-30,aktif\n'
    without_last = "\n".join(AGENCIES.splitlines()[:-1]) + "\n"
    assert reimport(app, export, "agencies", without_last + newcomer).exit_code == 0
    answer = phone.press("1")
    assert answer.startswith("CON TIDAK TERDAFTAR: Berkah Syarikah Mandri."), answer
    assert "Lain Sekali" not in answer


# 2. Real exports import, and every status has its answer.


@pytest.mark.parametrize(
    "code, reason",
    [
        # Expired by the export before its valid_until: no date that reads as "valid until".
        ("JO-TW-2025-0002", "Job order KEDALUWARSA."),
        ("JO-TW-2025-0003", "Job order KEDALUWARSA."),
        ("JO-TW-2025-0004", "Job order DIBATALKAN."),
        ("JO-TW-2025-0005", "Job order DIBATALKAN."),
        ("JO-TW-2025-0006", "Job order DITUTUP."),
        ("JO-TW-2025-0007", "Job order DITUTUP."),
        ("JO-TW-2025-0008", "Job order DITANGGUHKAN."),
        ("JO-TW-2025-0009", "Job order DITANGGUHKAN."),
        ("JO-TW-2025-0010", "Job order DICABUT."),
        ("JO-TW-2025-0011", "Job order DICABUT."),
        ("JO-TW-2025-0012", "Job order KEDALUWARSA 31-01-26."),  # "active", but past valid_until
    ],
)
def test_every_status_of_an_export_is_tidak_terdaftar_with_its_reason(client, export, code, reason):
    assert cek(client, code) == (
        f"TIDAK TERDAFTAR: {code}. {reason} Data 21-11-26. Jangan bayar/beri paspor. "
        "Lapor: SMS LAPOR isi. KP2MI 0800-1000"
    )


def test_the_statuses_are_stored_in_one_vocabulary(export):
    assert {j.status for j in JobOrder.select()} == {
        "active",
        "expired",
        "cancelled",
        "closed",
        "suspended",
        "revoked",
    }
    assert {a.status for a in Agency.select()} == {"active", "revoked", "suspended"}


def test_an_unknown_status_word_is_refused_by_line(app, export):
    path = export / "bad.csv"
    path.write_text(
        JOB_ORDERS.splitlines()[0] + "\n"
        "JO-TW-2025-0099,KEP.101/PK.02/2024,TW,operator,company,5,2027-03-31,pending\n"
        "JO-TW-2025-0098,KEP.101/PK.02/2024,TW,operator,company,5,2027-03-31,aktif\n"
    )
    result = app.test_cli_runner().invoke(
        args=["import-job-orders", str(path), "--as-of", "2026-11-22"]
    )
    assert (
        result.exit_code == 1 and "line 2, column status: not one of active, aktif" in result.output
    )
    # A list is replaced whole or not at all: the export in force stays until the row is fixed.
    assert JobOrder.select().count() == 16 and "nothing changed" in result.output


def test_an_agency_expired_early_gives_no_future_date(app, client, export):
    reimport(
        app,
        export,
        "agencies",
        AGENCIES.splitlines()[0] + "\n"
        'KEP.101/PK.02/2024,PT Sinar Harapan Mulia,"Jl. Merdeka 1, Malang",2027-06-30,expired\n',
    )
    text = cek(client, "PT Sinar Harapan Mulia")
    assert text.startswith("TIDAK TERDAFTAR: PT Sinar Harapan Mulia. Izin sudah TIDAK BERLAKU.")
    assert "30-06-27" not in text


def test_a_job_order_of_an_unknown_country_code_is_refused(app, export):
    result = reimport(
        app,
        export,
        "job-orders",
        JOB_ORDERS.splitlines()[0] + "\n"
        "JO-XX-2025-0001,KEP.101/PK.02/2024,XX,operator,company,5,2027-03-31,aktif\n"
        "JO-TW-2025-0099,KEP.101/PK.02/2024,tw,operator,company,5,2027-03-31,aktif\n",
    )
    assert "line 2, column country: not an ISO 3166" in result.output
    assert "nothing changed" in result.output and JobOrder.select().count() == 16


def test_an_older_export_than_the_one_in_force_changes_nothing(app, client, export):
    path = export / "old.csv"
    path.write_text(AGENCIES.replace(",dicabut", ",aktif"))  # before Maju Jaya's revocation
    result = app.test_cli_runner().invoke(
        args=["import-agencies", str(path), "--as-of", "2026-01-01"]
    )
    assert result.exit_code == 1
    assert "--as-of 2026-01-01 is older than the export in force (2026-11-20)" in result.output
    assert cek(client, "PT Maju Jaya Sentosa").startswith("TIDAK TERDAFTAR: PT Maju Jaya Sentosa")
    # The one in force was dated wrongly: the operator says so, and the file goes in.
    forced = app.test_cli_runner().invoke(
        args=["import-agencies", str(path), "--as-of", "2026-01-01", "--allow-older"]
    )
    assert forced.exit_code == 0, forced.output


def test_a_registry_row_with_several_faults_names_them_all(app, export):
    result = reimport(
        app,
        export,
        "job-orders",
        JOB_ORDERS.splitlines()[0] + "\n"
        "JO-XX-2025-0001,KEP.101/PK.02/2024,XX,operator,family,lima,2027-31-03,aktif\n"
        "JO-TW-2025-0099,KEP.101/PK.02/2024,tw,operator,company,5,2027-03-31,aktif\n",
    )
    assert [line for line in result.output.splitlines() if line.startswith("  line")] == [
        "  line 2, column country: not an ISO 3166 two-letter country code",
        "  line 2, column employer_type: not one of individual, company",
        "  line 2, column positions: not a whole number",
        "  line 2, column valid_until: not a date (YYYY-MM-DD)",
    ]
    assert "1 refused" in result.output and "line(s) 2" in result.output


# 3. A fake licence number.


@pytest.mark.parametrize("query", ["KEP.118/PK.02/2052", "kep.999/pk.02/2024"])
def test_an_unknown_licence_number_is_tidak_terdaftar(client, export, query):
    assert cek(client, query).startswith(
        f"TIDAK TERDAFTAR: {query}. Nomor izin ini tidak ada di data KP2MI."
    )


def test_an_unknown_job_order_code_asks_for_the_code(client, export):
    assert cek(client, "JO-TW-2025-9999").startswith("TIDAK DAPAT DIPASTIKAN: JO-TW-2025-9999.")


# 4. One rule for closed destinations, by CEK and by the offer questions.


def offer_answer(client, region, job):
    phone = Phone(client)
    phone.dial()
    screen = phone.press("2", "2", region, job, "1", "25", "1")
    while "98 " in screen.splitlines()[-1]:
        screen += phone.press("98")
    return screen


@pytest.mark.parametrize(
    "code, country",
    [
        ("JO-SA-2025-0007", "Arab Saudi"),
        ("JO-SA-2025-0008", "Arab Saudi"),
        ("JO-AE-2025-0001", "Uni Emirat Arab"),
    ],
)
def test_domestic_work_in_the_middle_east_is_closed_by_both_checks(client, export, code, country):
    text = cek(client, code)
    assert text.startswith(
        f"TIDAK TERDAFTAR: {code} Sinar Harapan Mulia. PRT ke {country} DITUTUP."
    )
    assert gsm7.fits(text)
    shown = offer_answer(client, "1", "1")  # Middle East, domestic work
    assert "TANDA BAHAYA" in shown and "PRT ke Timur Tengah DITUTUP" in shown
    assert "SPSK" in shown


def test_the_saudi_spsk_pilot_only_through_a_designated_agency(app, client, export, restore_rules):
    path = export / "rules.csv"
    path.write_text("kind,value,note\nspsk_agency,KEP.107/PK.02/2024,designated 2026\n")
    assert app.test_cli_runner().invoke(args=["import-rules", str(path)]).exit_code == 0
    text = cek(client, "JO-SA-2025-0009")
    assert text.startswith("TERDAFTAR: JO-SA-2025-0009") and " Arab Saudi, " in text
    assert cek(client, "JO-SA-2025-0008", msg_id="c2").startswith("TIDAK TERDAFTAR")


def test_open_destinations_stay_open_by_both_checks(client, export):
    assert cek(client, "JO-TW-2025-0001").startswith("TERDAFTAR: JO-TW-2025-0001")
    assert i18n.text("id", "flag.none") in offer_answer(client, "2", "4")


# 5. Countries by name.


@pytest.mark.parametrize("lang, name", [("id", "Taiwan"), ("en", "Taiwan"), ("jv", "Taiwan")])
def test_countries_are_named(client, export, lang, name):
    Contact.create(phone=ASKER, language=lang)
    # The occupation may be cut or left out to keep the agency's name whole; the country never.
    text = cek(client, "JO-TW-2025-0001")
    assert f"JO-TW-2025-0001 Sinar Harapan Mulia. {name}, " in text and " TW," not in text


def test_a_saudi_job_order_names_the_country_in_english(app, client, export, restore_rules):
    path = export / "rules.csv"
    path.write_text("kind,value,note\nspsk_agency,KEP.107/PK.02/2024,\n")
    app.test_cli_runner().invoke(args=["import-rules", str(path)])
    Contact.create(phone=ASKER, language="en")
    assert "Berkah Syarikah Mandiri. Saudi Arabia, " in cek(client, "JO-SA-2025-0009")


# 6. The agency typed at registration.


def test_the_agency_a_migrant_registers_with_is_checked(client, export):
    Village.create(code="3507102001", name="Sumberejo", district="Malang", province="Jawa Timur")
    phone = Phone(client)
    phone.dial()
    warning = phone.press("1", "2", "Sri", "3507102001", "1", "1", "Sinar Harapan Mulya")
    assert warning.startswith(
        "CON TIDAK DITEMUKAN: Sinar Harapan Mulya.\nMirip: Sinar Harapan Mulia (aktif, Malang)."
    )
    while "98 " in warning.splitlines()[-1]:
        warning = phone.press("98")
    assert "1 " + i18n.text("id", "reg.continue") in warning
    assert phone.press("1").startswith("CON " + i18n.text("id", "reg.pin"))
    phone.press("1234", "1234")
    assert phone.press("1") == "END " + i18n.text("id", "reg.done", ussd_code="*123#")
    assert Person.get().agency == "Sinar Harapan Mulya"


def test_a_registered_agency_goes_straight_on(client, export):
    Village.create(code="3507102001", name="Sumberejo", district="Malang", province="Jawa Timur")
    phone = Phone(client)
    phone.dial()
    screen = phone.press("1", "2", "Sri", "3507102001", "1", "1", "PT Sinar Harapan Mulia")
    assert screen.startswith("CON " + i18n.text("id", "reg.pin"))


# 7. After a bad verdict, the report is one key away.


def test_lapor_calo_after_a_bad_verdict_quotes_the_query(client, export):
    phone = Phone(client)
    phone.dial()
    verdict = phone.press("2", "1", "KEP.118/PK.02/2052")
    assert verdict.startswith("CON TIDAK TERDAFTAR: KEP.118/PK.02/2052.\n")
    while "98 " in verdict.splitlines()[-1]:
        verdict = phone.press("98")
    assert "1 Lapor calo" in verdict
    ask = phone.press("1")
    assert ask.startswith(
        "CON " + i18n.text("id", "lapor.ask_about", report_about="KEP.118/PK.02/2052")
    )
    done = phone.press("calo minta 15 juta di pasar")
    report = Report.get()
    assert report.text == "[KEP.118/PK.02/2052] calo minta 15 juta di pasar"
    assert done.startswith(f"END Terima kasih. Laporan {report.ref}")


def test_lapor_calo_after_red_flags_in_an_offer(client, export):
    shown = offer_answer(client, "1", "1")
    assert "1 Lapor calo" in shown
    phone_text = Phone(client)
    phone_text.dial()
    phone_text.press("2", "2", "1", "1", "1", "25", "1")
    screen = phone_text.press("98")
    while "98 " in screen.splitlines()[-1]:
        screen = phone_text.press("98")
    phone_text.press("1", "agen minta uang tiket")
    assert Report.get().text.startswith("[tawaran kerja: Arab Saudi/Timur Tengah")


def test_a_good_verdict_ends_on_one_screen(client, export):
    phone = Phone(client)
    phone.dial()
    answer = phone.press("2", "1", "KEP.101/PK.02/2024")
    assert answer.startswith("END TERDAFTAR: PT Sinar Harapan Mulia.")


# Found in review: PT and CV of one name, names never cut, look-alikes make scam waves.


def test_a_revoked_cv_with_an_active_pts_name_is_never_terdaftar(app, client, export, tmp_path):
    path = tmp_path / "agencies2.csv"
    path.write_text(
        AGENCIES + 'KEP.199/PK.02/2020,CV Sinar Harapan Mulia,"Jl. X, Batu",2027-06-30,dicabut\n'
    )
    app.test_cli_runner().invoke(args=["import-agencies", str(path), "--as-of", "2026-11-20"])
    assert cek(client, "CV Sinar Harapan Mulia").startswith(
        "TIDAK TERDAFTAR: CV Sinar Harapan Mulia. Izin DICABUT."
    )
    assert cek(client, "PT Sinar Harapan Mulia", msg_id="c2").startswith("TERDAFTAR: PT Sinar")
    both = cek(client, "Sinar Harapan Mulia", msg_id="c3")
    assert both.startswith("TIDAK DITEMUKAN: Sinar Harapan Mulia.")
    assert "PT Sinar Harapan Mulia (aktif" in both  # the form tells them apart (one fits)
    phone = Phone(client)
    phone.dial()
    pick = phone.press("2", "1", "Sinar Harapan Mulia")
    while "98 " in pick.splitlines()[-1]:
        pick += "\n" + phone.press("98")
    assert "PT Sinar Harapan Mulia (aktif)" in pick and "CV Sinar Harapan Mulia (dicabut)" in pick


def test_a_very_long_registered_name_keeps_its_status(app, client, export):
    from gateway.verification.names import normalise

    name = "PT Sinar Harapan Mulia Sejahtera Internasional Abadi Jaya Sentosa"
    Agency.update(name=name, name_key=normalise(name), status="revoked").where(
        Agency.licence_no == "KEP.101/PK.02/2024"
    ).execute()
    index.forget()  # a hand edit, not an import
    text = cek(client, "Sinar Harapan Mulia Sejahtera Internasional Abadi Jaya Sentos")
    assert text.startswith("TIDAK DITEMUKAN") and "(dicabut" in text and gsm7.fits(text), text
    phone = Phone(client)
    phone.dial()
    pick = phone.press("2", "1", "Sinar Harapan Mulia Sejahtera Internasional Abadi Jaya")
    assert "(dicabut)" in pick


SUPERVISOR = "+6281110000002"  # Malang's district supervisor, told of scam waves


@pytest.fixture
def supervisor(app, village):
    """Pak Budi, supervising Malang district (where `village` is)."""
    add_officer(app, SUPERVISOR, "Pak Budi", "--role", "supervisor", "--district", "Malang")
    return SUPERVISOR


def ask_from(client, village, query, *numbers):
    """`CEK query` from each of `numbers`, people of `village`; the last answer."""
    for number in numbers:
        Person.get_or_create(
            phone=number, defaults={"name": "Warga", "role": "calon_pmi", "village": village}
        )
        text = cek(client, query, msg_id=f"{query}-{number}", sender=number)
    return text


def told(number):
    """The texts queued for `number`."""
    return [m.text for m in OutboxMessage.select().where(OutboxMessage.to == number)]


def test_look_alikes_asked_by_three_people_make_a_scam_wave(client, export, village, supervisor):
    ask_from(client, village, "PT Sinar Harapan Mulya", *(f"+62812345600{i:02d}" for i in range(3)))
    wave = told(supervisor)[0]
    assert wave.startswith("GELOMBANG CALO? 3 orang tanya 'SINAR HARAPAN MULYA'")


# Found in a black-box walk: curly punctuation, candidates under "Terdaftar:", unknown codes.


@pytest.mark.parametrize(
    "query, start",
    [
        ("Sinar Harapan Mandiri\u2019", "TERDAFTAR: PT Sinar Harapan Mandiri."),
        ("\u201cSinar Harapan Mulia\u201d", "TERDAFTAR: PT Sinar Harapan Mulia."),
        ("\u2018Sinar Harapan Mulia\u2019", "TERDAFTAR: PT Sinar Harapan Mulia."),
        ("PT\u2032 Sinar Harapan Mulia\u2033", "TERDAFTAR: PT Sinar Harapan Mulia."),
        ("\u201eSinar\u00a0Harapan Mulia\u201f", "TERDAFTAR: PT Sinar Harapan Mulia."),
        ("Sinar Harapan Mulia\u2026", "TERDAFTAR: PT Sinar Harapan Mulia."),
        # An emoji or another symbol is no letter of the name either.
        ("Sinar Harapan Mulia \U0001f600", "TERDAFTAR: PT Sinar Harapan Mulia."),
        ("\U0001f64f\ufe0f Sinar Harapan Mulia \u2122", "TERDAFTAR: PT Sinar Harapan Mulia."),
        # Punctuation is forgiven however it is typed; a letter never is.
        ("\u201cSinar Harapan Mul\u00eda\u201d", "TIDAK DITEMUKAN: "),
    ],
)
def test_curly_punctuation_is_punctuation(client, export, query, start):
    assert cek(client, query).startswith(start)


def test_a_registered_name_asked_by_many_is_no_scam_wave(client, export, village, supervisor):
    numbers = [f"+62812345601{i:02d}" for i in range(4)]
    ask_from(client, village, "Sinar Harapan Mandiri", *numbers[:3])
    curly = ask_from(client, village, "Sinar Harapan Mandiri\u2019", numbers[3])
    assert curly.startswith("TERDAFTAR: PT Sinar Harapan Mandiri.") and told(supervisor) == []


def test_a_scam_wave_counts_no_one_who_was_told_terdaftar(app, client, export, village, supervisor):
    # Three people asked while the licence was in force; then it was revoked.
    numbers = [f"+62812345602{i:02d}" for i in range(5)]
    ask_from(client, village, "Sinar Harapan Mandiri", *numbers[:3])
    revoked = AGENCIES.replace('Blitar",2027-06-30,AKTIF', 'Blitar",2027-06-30,dicabut')
    assert reimport(app, export, "agencies", revoked).exit_code == 0
    ask_from(client, village, "Sinar Harapan Mandiri", *numbers[3:4])
    assert told(supervisor) == []  # one worried person, not four
    ask_from(client, village, "Sinar Harapan Mandiri", *numbers[4:])
    assert told(supervisor) == []


def test_a_registered_name_asked_without_its_form_is_no_scam_wave(
    app, client, export, village, supervisor
):
    cv = 'KEP.199/PK.02/2020,CV Sinar Harapan Mulia,"Jl. X, Batu",2027-06-30,dicabut\n'
    assert reimport(app, export, "agencies", AGENCIES + cv).exit_code == 0
    numbers = [f"+62812345603{i:02d}" for i in range(3)]
    assert ask_from(client, village, "Sinar Harapan Mulia", *numbers).startswith("TIDAK DITEMUKAN")
    assert told(supervisor) == []  # PT Sinar Harapan Mulia is in force: no scam name


CANDIDATE_TEXTS = ("cek.not_found", "cek.pick")  # the texts that list the closest names


@pytest.mark.parametrize("lang", ["id", "en", "jv"])
def test_the_closest_names_are_never_listed_as_registered(lang):
    for key in CANDIDATE_TEXTS:
        heading = i18n.text(lang, key, subject="X", candidates="", date="", help="").lower()
        assert not {"terdaftar:", "registered:", "kadaftar:"} & set(heading.split()), heading


def test_a_revoked_look_alike_is_never_under_a_registered_heading(client, export):
    sms = cek(client, "maju jaya sentosa abadi")
    assert ". Mirip: Maju Jaya Sentosa (dicabut, Jember)" in sms and "Terdaftar" not in sms
    phone = Phone(client)
    phone.dial()
    pick = phone.press("2", "1", "maju jaya sentosa abadi")
    assert pick.startswith("CON Tidak ditemukan persis. Mirip:\n1 Maju Jaya Sentosa (dicabut)")


@pytest.mark.parametrize(
    "query", ["JO-TW-0009", "JO-TW-001", "JO-TW-0O01", "JOTW001", "JOTW0009", "jo tw 9"]
)
def test_an_unknown_job_order_code_is_unconfirmed_however_written(client, registry, query):
    # DOMAIN.md rule 2: not ours to deny; ask for the official code.
    assert cek(client, query).startswith(
        f"TIDAK DAPAT DIPASTIKAN: {query}. Kode tidak dikenal: minta kode job order resmi."
    )


@pytest.mark.parametrize(
    "query", ["JO-TW-0001", "JO TW 0001", "jo\u2013tw\u20130001", "JOTW0001", "jotw0001"]
)
def test_a_known_job_order_code_is_found_with_any_separators(client, registry, query):
    assert cek(client, query).startswith("TERDAFTAR: JO-TW-0001 Maju Jaya Abadi.")
