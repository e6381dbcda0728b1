"""LAPOR, scam waves, the USSD check and offer screens, registry and rule imports, officers."""

import pytest

from gateway import i18n
from gateway.models import (
    Agency,
    OutboxMessage,
    Person,
    RegistrySnapshot,
    Report,
    RuleItem,
    ScamWave,
    Village,
)
from gateway.verification import offer
from tests.conftest import sms
from tests.registry_data import ASKER, cek
from tests.ussd_phone import Phone


@pytest.fixture
def staff(app, village):
    runner = app.test_cli_runner()
    officer = runner.invoke(
        args=[
            "add-officer",
            "--phone",
            "0811-1000-0001",
            "--name",
            "Bu Ani",
            "--village",
            "35.07.10.2001",
        ]
    )
    assert officer.output.strip() == "officer Bu Ani (+6281110000001), district Malang"
    supervisor = runner.invoke(
        args=[
            "add-officer",
            "--phone",
            "0811-1000-0002",
            "--name",
            "Pak Budi",
            "--role",
            "supervisor",
            "--district",
            "Malang",
        ]
    )
    assert supervisor.exit_code == 0
    return "+6281110000001", "+6281110000002"


def sent_to(phone):
    return [
        row.text
        for row in OutboxMessage.select()
        .where(OutboxMessage.to == phone)
        .order_by(OutboxMessage.id)
    ]


def test_lapor_gives_a_reference_and_alerts_the_village_officer(client, village, staff):
    Person.create(phone=ASKER, name="Rina", role="calon_pmi", village=village)
    sms(client, "LAPOR calo Pak X minta 5 juta untuk ke Taiwan")
    report = Report.get()
    assert (report.reporter, report.village.name, report.channel) == (ASKER, "Sumberejo", "sms")
    assert sent_to(ASKER) == [
        i18n.text("id", "lapor.thanks", ref=report.ref, help="KP2MI 0800-1000")
    ]
    assert sent_to(staff[0]) == [
        f"LAPOR CALO {report.ref} desa Sumberejo: calo Pak X minta 5 juta untuk ke Taiwan"
        f" | Pelapor {ASKER} | Balas OK {report.ref}"
    ]
    assert OutboxMessage.get(OutboxMessage.to == staff[0]).kind == "alert"
    assert sent_to(staff[1]) == []


def test_a_report_from_an_unknown_village_goes_to_the_hotline_only(make_app, staff):
    hotline = "+6281100009999"
    app = make_app(ALERT_FALLBACK_PHONE=hotline)
    with app.app_context():
        answer = sms(app.test_client(), "lapor ada calo di pasar " + "sangat panjang " * 20)
        ref = Report.get().ref
        assert answer == [i18n.text("id", "lapor.thanks", ref=ref, help="KP2MI 0800-1000")]
        alert = sent_to(hotline)[0]
        assert alert.startswith("LAPOR CALO L") and ".." in alert and len(alert) <= 160
        assert sent_to(staff[0]) == [] and sent_to(staff[1]) == []  # nobody of a district


def test_with_nobody_entitled_and_no_hotline_the_alert_stays_open(client, staff, caplog):
    from gateway.models import Alert

    answers = [sms(client, "lapor ada calo di pasar"), sms(client, "LAPOR dia datang lagi")]
    assert sent_to(staff[0]) == [] and sent_to(staff[1]) == []
    assert Alert.get().state == "opened"
    assert "no officer or supervisor for its village or district" in caplog.text
    # Not told that an officer has it: kept for the programme's team (the desk), each time.
    kept = i18n.text("id", "lapor.kept", ref=Report.get().ref, help="KP2MI 0800-1000")
    assert answers == [[kept], [kept]]


def test_a_replayed_report_is_stored_once(client, staff):
    for _ in range(2):
        sms(client, "LAPOR calo di desa", msg_id="same")
    assert Report.select().count() == 1


def test_lapor_without_a_story_asks_for_one(client, staff):
    sms(client, "LAPOR")
    assert sent_to(ASKER) == [i18n.text("id", "lapor.empty")]
    assert Report.select().count() == 0


def test_a_report_by_ussd_menu_4(client, village, staff):
    phone = Phone(client)
    phone.dial()
    assert phone.press("4").startswith("CON " + i18n.text("id", "lapor.ask"))
    assert phone.press("abc").startswith("CON " + i18n.text("id", "answer.bad_text"))
    done = phone.press("calo minta uang ikatan")
    report = Report.get()
    # No village, no district: nobody to tell, and the caller is not told that someone was.
    assert done == "END " + i18n.text("id", "lapor.kept", ref=report.ref, help="KP2MI 0800-1000")
    assert report.channel == "ussd" and sent_to(staff[1]) == []


def villagers(village, *phones):
    for phone in phones:
        Person.create(phone=phone, name="Warga", role="calon_pmi", village=village)


def test_three_people_asking_about_one_unknown_name_make_one_wave_alert(
    client, registry, staff, village
):
    villagers(village, *(f"+62812345678{i:02d}" for i in range(5)))
    for i in range(5):
        cek(client, "PT Sukses Selalu", msg_id=f"w{i}", sender=f"+62812345678{i:02d}")
    cek(client, "PT Sukses Selalu", msg_id="again", sender="+6281234567800")
    alerts = sent_to(staff[1])
    assert len(alerts) == 1 and ScamWave.select().count() == 1
    assert alerts[0].startswith("GELOMBANG CALO? 3 orang tanya 'SUKSES SELALU'")
    assert "+62812345678" not in alerts[0]  # askers are never named


def test_one_person_asking_three_times_is_no_wave(client, registry, staff):
    for i in range(3):
        cek(client, "PT Sukses Selalu", msg_id=f"s{i}")
    assert sent_to(staff[1]) == [] and ScamWave.select().count() == 0


def test_a_revoked_agency_makes_a_wave_too(client, registry, staff, village):
    villagers(village, *(f"+62812345679{i:02d}" for i in range(3)))
    for i in range(3):
        cek(client, "Cahaya Tenaga Mandiri", msg_id=f"v{i}", sender=f"+62812345679{i:02d}")
    assert sent_to(staff[1])[0].startswith("GELOMBANG CALO? 3 orang tanya 'PT Cahaya Tenaga")


def test_cek_on_ussd_with_several_matches_lets_the_person_pick(client, registry):
    phone = Phone(client)
    phone.dial()
    phone.press("2")
    assert phone.press("1").startswith("CON " + i18n.text("id", "cek.ask"))
    pick = phone.press("mitra global")
    assert pick.startswith("CON " + i18n.text("id", "cek.pick"))
    pick += phone.press("98")
    for number in "123":  # every candidate with its status, then "none of these"
        assert f"{number} Mitra Global U" in pick and "(aktif)" in pick
    assert "4 " + i18n.text("id", "cek.none") in pick
    assert phone.press_raw("2").startswith("CON " + i18n.text("id", "error.invalid_choice"))
    answer = phone.press("0", "2")  # "2" is on the first page
    assert answer.startswith("CON TIDAK DITEMUKAN: mitra global.\nMirip: Mitra Global U")
    answer += phone.press("98")
    assert "TERDAFTAR:" not in answer and "Data 20-11-26." in answer


def test_cek_on_ussd_with_a_clear_match_answers_at_once(client, registry):
    phone = Phone(client)
    phone.dial()
    answer = phone.press("2", "1", "JO-MY-0003")
    assert answer.startswith("END TERDAFTAR: JO-MY-0003 Maju Jaya Abadi. Malaysia")


@pytest.mark.parametrize(
    "answers, flags",
    [
        (
            ["1", "1", "2", "17", "2"],
            ["flag.closed", "flag.visa", "flag.under_18", "flag.fee_zero_cost"],
        ),
        (["3", "4", "1", "25", "1"], ["flag.no_route"]),
        (["2", "4", "1", "25", "2"], ["flag.fee"]),
        (["2", "1", "1", "25", "3"], ["flag.binding"]),
        (["2", "1", "1", "30", "1"], []),
    ],
)
def test_the_job_offer_questions_name_each_red_flag(client, answers, flags):
    phone = Phone(client)
    phone.dial()
    phone.press("2", "2")
    screens = [phone.press(answer) for answer in answers]
    result = screens[-1]
    expected = [i18n.text("id", key) for key in flags] or [i18n.text("id", "flag.none")]
    shown = result
    while "98 Lanjut" in shown:
        shown = phone.press("98")
        result += shown
    for line in "\n".join(expected).split("\n"):
        assert line in result, (line, result)
    assert offer.flags({"region": "closed_domestic", "job": "domestic"}) == ["flag.closed"]


def test_a_reimport_replaces_the_snapshot_and_its_date(app, registry):
    path = registry / "agencies2.csv"
    path.write_text(
        "licence_no,name,address,valid_until,status\n"
        "SIP3MI-001/2024,PT Maju Jaya Abadi,Malang,2028-06-30,active\n"
        "SIP3MI-099/2026,PT Baru Sekali,Batu,2028-06-30,active\n"
    )
    result = app.test_cli_runner().invoke(
        args=["import-agencies", str(path), "--as-of", "2026-11-24"]
    )
    assert result.output.startswith("2 row(s) accepted (1 new agencies, 6 removed), 0 refused.")
    assert sorted(a.licence_no for a in Agency.select()) == ["SIP3MI-001/2024", "SIP3MI-099/2026"]
    assert str(RegistrySnapshot.get(RegistrySnapshot.kind == "agencies").as_of) == "2026-11-24"


@pytest.mark.parametrize(
    "content, message",
    [
        ("licence,name\nX,Y\n", "missing column(s)"),
        (
            "licence_no,name,address,valid_until,status\nA-1,PT A,x,31-12-2027,active\n",
            "line 2, column valid_until: not a date (YYYY-MM-DD)",  # why, though no row is good
        ),
    ],
)
def test_a_malformed_registry_file_changes_nothing(app, registry, content, message):
    path = registry / "bad.csv"
    path.write_text(content)
    result = app.test_cli_runner().invoke(
        args=["import-agencies", str(path), "--as-of", "2026-11-24"]
    )
    assert result.exit_code == 1 and message in result.output
    assert Agency.select().count() == 7
    assert str(RegistrySnapshot.get(RegistrySnapshot.kind == "agencies").as_of) == "2026-11-20"


def test_refused_registry_rows_are_reported_by_line_and_column(app, registry):
    path = registry / "mixed.csv"
    path.write_text(
        "licence_no,name,address,valid_until,status\n"
        "SIP3MI-001/2024,PT Maju Jaya Abadi,Malang,2028-06-30,active\n"
        "SIP3MI-002/2024,PT Bina,Blitar,2028-06-30,closed-ish\n"
        "SIP3MI-001/2024,PT Lagi,Blitar,2028-06-30,active\n"
    )
    result = app.test_cli_runner().invoke(
        args=["import-agencies", str(path), "--as-of", "2026-11-24"]
    )
    assert result.output.splitlines()[1:] == [
        "  line 3, column status: not one of active, aktif, expired, kedaluwarsa, suspended,"
        " ditangguhkan, dibekukan, revoked, dicabut",
        "  line 4, column licence_no: appears twice in the file",
        # A refused row: the registry in force stays, whole.
        "nothing changed: a list is replaced whole, and the row(s) at line(s) 3, 4 were"
        " refused; fix them and import the file again.",
    ]
    assert result.output.startswith("0 row(s) accepted") and Agency.select().count() == 7


def test_a_future_snapshot_date_is_refused(app, registry):
    result = app.test_cli_runner().invoke(
        args=["import-agencies", str(registry / "agencies.csv"), "--as-of", "2099-01-01"]
    )
    assert result.exit_code == 1 and "in the future" in result.output


def test_operators_edit_the_rules_and_answers_follow(app, client, registry, restore_rules):
    assert "DITUTUP" in cek(client, "JO-SA-0002", msg_id="before")
    path = registry / "rules.csv"
    path.write_text(
        "kind,value,note\nspsk_agency,bukan lisensi,\n"
        "danger_word,dipukul lima kali setiap hari,violence\n"
        "closed_domestic,KW,\n"
    )
    said = app.test_cli_runner().invoke(args=["import-rules", str(path)]).output
    assert "line 2, column value: not a licence number" in said
    assert "line 3, column value: one to 4 words of letters" in said and "nothing changed" in said
    path.write_text("kind,value,note\nclosed_domestic,Arab Saudi,\nclosed_domestic,KW,\n")
    result = app.test_cli_runner().invoke(args=["import-rules", str(path)])
    assert "line 2, column value: not an ISO 3166 two-letter country code" in result.output
    assert "nothing changed" in result.output  # a name instead of a code would close nothing
    path.write_text("kind,value,note\nclosed_domestic,KW,verified 2026\nbogus,XX,\n")
    result = app.test_cli_runner().invoke(args=["import-rules", str(path)])
    assert "nothing changed" in result.output  # a refused row: the rules in force stay
    assert "DITUTUP" in cek(client, "JO-SA-0002", msg_id="held")
    path.write_text("kind,value,note\nclosed_domestic,KW,verified 2026\n")
    result = app.test_cli_runner().invoke(args=["import-rules", str(path)])
    # KW was closed already; the other closed countries are gone, and the report says so.
    assert (
        result.output.splitlines()[0] == "1 row(s) accepted (0 new rules, 20 removed), 0 refused."
    )
    assert cek(client, "JO-SA-0002", msg_id="after").startswith("TERDAFTAR: JO-SA-0002")
    assert RuleItem.select().where(RuleItem.kind == "zero_cost").count() == 10  # untouched


def test_add_officer_refuses_what_it_cannot_do(app, village):
    runner = app.test_cli_runner()
    no_village = runner.invoke(args=["add-officer", "--phone", "0811", "--name", "X"])
    assert no_village.exit_code == 1 and "not a phone number" in no_village.output
    unknown = runner.invoke(
        args=["add-officer", "--phone", "081110000001", "--name", "X", "--village", "9999999999"]
    )
    assert unknown.exit_code == 1 and "kode desa 9999999999 tidak dikenal" in unknown.output


def test_add_officer_says_when_it_moves_someone(app, village):
    """The desk asks before moving an officer to another village; the CLI says it did."""
    Village.create(code="3507102002", name="Ngadirejo", district="Malang", province="Jawa Timur")
    runner = app.test_cli_runner()
    args = ["add-officer", "--phone", "081110000001", "--name", "Bu Rina", "--village"]
    first = runner.invoke(args=[*args, "3507102001"])
    assert first.exit_code == 0 and "Moved" not in first.output
    again = runner.invoke(args=[*args, "3507102001"])  # the same: nothing moved
    assert again.exit_code == 0 and "Moved" not in again.output
    moved = runner.invoke(args=[*args, "3507102002"])
    assert "Moved: was officer (desa Sumberejo), now officer (desa Ngadirejo)." in moved.output


def test_operators_edit_the_official_channels(app, client, registry, restore_rules):
    path = registry / "channels.csv"
    path.write_text(
        "kind,value,note\nhelp_line,BP3MI Jatim 031-000,\n"
        "channel,BP3MI Jatim 031-000,\nchannel,WA 0811-0000-000,\n"
    )
    result = app.test_cli_runner().invoke(args=["import-rules", str(path)])
    assert result.exit_code == 0, result.output
    assert cek(client, "Maju Jaya", msg_id="help").endswith("BP3MI Jatim 031-000")
    phone = Phone(client)
    phone.dial()
    screen = phone.press("5", "3")
    assert "BP3MI Jatim 031-000" in screen and "WA 0811-0000-000" in screen
    assert "0800-1000" not in screen
