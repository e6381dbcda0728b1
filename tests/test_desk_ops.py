"""The desk's operator pages (imports by upload, staff accounts, the outbox and its resend,
queue health) and broadcasts, through the Flask client on a real database and Redis."""

import io

import pytest

from gateway import outbox, outbox_jobs, sending
from gateway.models import (
    Agency,
    Broadcast,
    Child,
    Contact,
    Officer,
    OutboxMessage,
    Person,
    RegistrySnapshot,
    Village,
)
from gateway.providers.base import SendResult, SendStatus
from gateway.statuses import MessageKind
from tests import registry_data
from tests.conftest import (
    CAREGIVER,
    OFFICER,
    OPERATOR,
    OTHER_OFFICER,
    SUPERVISOR,
    csrf,
    log_in,
)

SIZES: dict[str, int] = {}  # page -> bytes over the wire, for the closing note

OPS_PAGES = ["/desk/ops/imports", "/desk/ops/staff", "/desk/ops/outbox", "/desk/ops/queues"]
HOUSEHOLDS = """village_code,caregiver_phone,caregiver_name,migrant_phone,migrant_name,\
destination_country,child_name,child_birth_year,in_school,consent_date
3507102001,081211110001,Siti Aminah,+886912345678,Sri Wahyuni,TW,Ani,2019,ya,2026-10-01
3507102001,hello,Lina,,,,Eka,2014,yes,2026-10-03
3507102001,081211110003,Lina,,,,Eka,2014,maybe,2026-10-03
"""


def upload(client, kind, text, as_of=""):
    token = csrf(client.get("/desk/ops/imports").text)
    data = {"csrf_token": token, "kind": kind, "as_of": as_of}
    data["file"] = (io.BytesIO(text.encode()), f"{kind}.csv")
    return client.post("/desk/ops/imports", data=data, content_type="multipart/form-data")


@pytest.mark.parametrize("phone", [OFFICER, SUPERVISOR])
def test_operator_pages_are_closed_to_officers_and_supervisors(client, desk, phone):
    log_in(client, phone)
    token = csrf(client.get("/desk/").text)
    for url in OPS_PAGES:
        answer = client.get(url)
        assert answer.status_code == 403 and "Khusus operator" in answer.text, url
    row = outbox.add(CAREGIVER, "halo")
    for url in (
        f"/desk/ops/outbox/{row.id}/resend",
        "/desk/ops/staff",
        f"/desk/ops/staff/{Officer.get(Officer.phone == OFFICER).id}/password",
    ):
        data = {"csrf_token": token, "secret": "dibobol-orang-lain", "phone": "+6281110000099"}
        assert client.post(url, data=data).status_code == 403, url
    assert not Officer.select().where(Officer.phone == "+6281110000099").exists()
    assert "Impor" not in client.get("/desk/").text  # nor in their menu


def test_operator_pages_ask_for_a_login_first(client, desk):
    for url in OPS_PAGES:
        assert "/desk/login" in client.get(url).headers["Location"]


def test_a_household_register_upload_reports_each_refused_row(client, desk):
    log_in(client, OPERATOR)
    answer = upload(client, "households", HOUSEHOLDS)
    assert answer.status_code == 422  # something refused
    page = answer.text
    assert "1 baris diterima" in page and "2 ditolak" in page
    # The same reasons as the CLI's, in the desk's Indonesian.
    assert "<td>3</td><td>caregiver_phone</td><td>bukan nomor HP</td>" in page
    assert "<td>4</td><td>in_school</td><td>bukan ya atau tidak</td>" in page
    assert "1 anak baru" in page and "children" not in page
    # The good row is in, whole; the bad rows left nothing behind (no Lina, no Eka).
    assert Child.select().count() == 1
    assert sorted(p.name for p in Person.select()) == ["Siti", "Siti Aminah", "Sri Wahyuni"]
    SIZES["imports (report)"] = len(answer.data)


def test_a_district_sized_register_uploads_and_a_too_large_file_is_told_so(client, desk):
    # 2,000 households (~150 kB): over the 64 kB any other request may carry, well under the
    # upload limit. Before, any file over 64 kB got werkzeug's bare 413 page.
    log_in(client, OPERATOR)
    header, good = HOUSEHOLDS.splitlines()[0], HOUSEHOLDS.splitlines()[1]
    rows = [good.replace("081211110001", f"0812{n:08d}") for n in range(2000)]
    register = header + "\n" + "\n".join(rows) + "\n"
    assert len(register) > 128 * 1024
    answer = upload(client, "households", register)
    assert answer.status_code == 200 and "2000 baris diterima" in answer.text
    over = str(6 * 1024 * 1024)  # a file over 5 MB, as its request announces it
    huge = client.post(
        "/desk/ops/imports",
        data=b"--x--\r\n",
        environ_overrides={"CONTENT_LENGTH": over},
        content_type="multipart/form-data; boundary=x",
    )
    assert huge.status_code == 413 and "lebih dari 5 MB" in huge.text and "Impor" in huge.text
    client.post("/desk/logout", data={"csrf_token": csrf(client.get("/desk/").text)})
    anonymous = client.post(
        "/desk/ops/imports",
        data={"file": (io.BytesIO(register.encode()), "households.csv")},
        content_type="multipart/form-data",
    )  # over 64 kB, from nobody logged in: not read, not a page of the desk
    assert anonymous.status_code in (302, 413) and "Impor" not in anonymous.text


def test_a_registry_upload_needs_its_date_and_a_file_of_no_good_row_changes_nothing(client, desk):
    log_in(client, OPERATOR)
    no_date = upload(client, "agencies", registry_data.AGENCIES)
    assert "tidak ada yang diimpor" in no_date.text and Agency.select().count() == 0
    done = upload(client, "agencies", registry_data.AGENCIES, "2026-11-20")
    assert done.status_code == 200 and "7 baris diterima" in done.text
    assert RegistrySnapshot.get(RegistrySnapshot.kind == "agencies").as_of.isoformat() == (
        "2026-11-20"
    )
    header = registry_data.AGENCIES.splitlines()[0]
    bad = upload(client, "agencies", header + "\nX,,Malang,2027-01-01,aktif\n", "2026-11-21")
    assert "tidak ada yang diubah" in bad.text and "baris 2" in bad.text and "kosong" in bad.text
    assert "/tmp" not in bad.text and "no valid row" not in bad.text
    assert Agency.select().count() == 7  # the registry in force is kept
    first = registry_data.AGENCIES.splitlines()[1]
    changed = first.replace("2027-06-30", "2028-06-30")  # the same licence, another row
    held = upload(client, "agencies", f"{header}\n{first}\n{changed}\n", "2026-11-21")
    assert "tidak ada yang diubah: daftar diganti utuh, dan baris 3" in held.text
    assert Agency.select().count() == 7
    # Only one agency in the file: the rest leave the list, and the page says how many.
    smaller = upload(client, "agencies", f"{header}\n{first}\n{first}\n", "2026-11-21")
    assert "2 baris diterima" in smaller.text and "6 dihapus dari daftar" in smaller.text
    older = upload(client, "agencies", registry_data.AGENCIES, "2026-11-01")
    assert older.status_code == 422 and "lebih lama dari data yang berlaku" in older.text
    assert Agency.select().count() == 1
    unknown = upload(client, "foo", registry_data.AGENCIES, "2026-11-22")
    assert unknown.status_code == 422 and 'class="flash error"' in unknown.text


def test_an_operator_adds_an_officer_and_resets_pin_and_password(client, desk):
    log_in(client, OPERATOR)
    page = client.get("/desk/ops/staff")
    SIZES["staff"] = len(page.data)
    assert "Bu Ani" in page.text and "Pak Budi" in page.text
    form = {
        "csrf_token": csrf(page.text),
        "phone": "0811-1000-0077",
        "name": "Bu Wati",
        "role": "officer",
        "village": "3507102002",
        "district": "",
        "pin": "2468",
        "password": "sandi-wati-01",
    }
    assert client.post("/desk/ops/staff", data=form).status_code == 302
    wati = Officer.get(Officer.phone == "+6281110000077")
    assert (wati.role, wati.village.name, wati.district) == ("officer", "Ngadirejo", "Malang")
    # Her password is set: no link to set another goes to her phone (whoever held it could).
    assert wati.invite_hash is None
    assert not OutboxMessage.select().where(OutboxMessage.to == wati.phone).exists()
    refused = client.post("/desk/ops/staff", data={**form, "village": "", "phone": "0811100099"})
    assert "Tidak disimpan" in refused.text and "perlu kode desa" in refused.text
    odd_role = client.post("/desk/ops/staff", data={**form, "role": "raja"}).text
    assert "Pilihan tidak dikenal." in odd_role and "Not a valid choice" not in odd_role
    # A supervisor's number typed by mistake: not moved away from the district unasked.
    mistaken = {**form, "phone": SUPERVISOR, "name": "Pak Budi", "pin": "", "password": ""}
    said = client.post("/desk/ops/staff", data=mistaken).text
    assert "nomor ini milik Pak Budi (pengawas, Malang)" in said
    assert Officer.get(Officer.phone == SUPERVISOR).role == "supervisor"
    moved = client.post("/desk/ops/staff", data={**mistaken, "replace": "y"})
    assert moved.status_code == 302 and Officer.get(Officer.phone == SUPERVISOR).role == "officer"
    token = csrf(client.get("/desk/ops/staff").text)
    client.post(f"/desk/ops/staff/{wati.id}/pin", data={"csrf_token": token, "secret": "97531"})
    from gateway import pins

    assert pins.check_pin(Officer.get_by_id(wati.id), "97531")
    short_password = {"csrf_token": token, "secret": "pendek"}
    short = client.post(f"/desk/ops/staff/{wati.id}/password", data=short_password)
    assert short.status_code == 302 and "paling sedikit 8" in client.get("/desk/ops/staff").text
    client.post(
        f"/desk/ops/staff/{wati.id}/password", data={"csrf_token": token, "secret": "baru-wati-02"}
    )
    missing = client.post("/desk/ops/staff/99999/pin", data={"csrf_token": token, "secret": "1234"})
    assert missing.status_code == 404
    client.post("/desk/logout", data={"csrf_token": token})
    assert "salah" in log_in(client, wati.phone, "sandi-wati-01").text
    assert log_in(client, wati.phone, "baru-wati-02").status_code == 302


def failed_row(text="Kasus K1: anak Budi tidak sekolah", kind=MessageKind.ALERT):
    row = outbox.add(CAREGIVER, text, kind=kind)
    claimed = sending.claim(row.id)
    sending.record_result(claimed, SendResult(SendStatus.FINAL, error="InvalidPhoneNumber"))
    return row


def test_the_outbox_page_filters_pages_and_hides_what_is_personal(client, desk):
    for number in range(55):
        outbox.add(f"+62812000{number:05d}", f"Siaran nomor {number}", kind=MessageKind.BROADCAST)
    failed = failed_row()
    log_in(client, OPERATOR)
    first = client.get("/desk/ops/outbox")
    SIZES["outbox (50 rows)"] = len(first.data)
    assert "56 SMS" in first.text and "halaman 1 dari 2" in first.text
    assert first.text.count("<tr>") == 51  # the header and 50 rows
    assert "Siaran nomor 54" in first.text  # a broadcast's text is shown...
    assert "anak Budi" not in first.text and "InvalidPhoneNumber" in first.text  # ...not an alert's
    second = client.get("/desk/ops/outbox?page=2")
    assert second.text.count("<tr>") == 7 and "Siaran nomor 0<" in second.text
    only_failed = client.get("/desk/ops/outbox?status=failed").text
    assert "1 SMS berstatus gagal" in only_failed and f"<td>{failed.id}</td>" in only_failed
    assert client.get("/desk/ops/outbox?status=bogus").status_code == 404


def test_a_failed_sms_is_resent_from_the_outbox_page(client, desk, run_jobs):
    row = failed_row("Balasan CEK", kind=MessageKind.REPLY)
    queued = outbox.add(CAREGIVER, "belum gagal")
    log_in(client, OPERATOR)
    failed = client.get("/desk/ops/outbox?status=failed").text
    assert "nomor tidak sah (InvalidPhoneNumber)" in failed  # the provider's word, explained
    token = csrf(failed)
    answer = client.post(f"/desk/ops/outbox/{row.id}/resend", data={"csrf_token": token})
    assert answer.status_code == 302
    assert (OutboxMessage.get_by_id(row.id).status, OutboxMessage.get_by_id(row.id).attempts) == (
        "queued",
        0,
    )
    run_jobs()  # enqueued when the request's unit of work ended
    sent = OutboxMessage.get_by_id(row.id)
    assert (sent.status, sent.attempts) == ("sent", 1)
    again = client.post(f"/desk/ops/outbox/{queued.id}/resend", data={"csrf_token": token})
    assert "tidak berstatus gagal" in client.get(again.headers["Location"]).text
    assert OutboxMessage.get_by_id(queued.id).attempts == 0
    assert client.post(f"/desk/ops/outbox/{row.id}/resend").status_code == 400  # no CSRF


def test_queue_health_shows_depths_failed_jobs_and_workers(client, desk, redis):
    outbox_jobs.enqueue([outbox.add(CAREGIVER, "satu"), outbox.add(CAREGIVER, "dua")])
    log_in(client, OPERATOR)
    page = client.get("/desk/ops/queues")
    SIZES["queues"] = len(page.data)
    assert "<tr><td>sms</td><td>2</td><td>0</td><td>0</td><td>0</td></tr>" in page.text
    assert "Worker hidup: 0" in page.text and "Tidak ada worker" in page.text
    from gateway.web.operators import worker_state

    assert (worker_state("idle"), worker_state("busy")) == ("menunggu tugas", "bekerja")


def broadcast(client, text, place="3507102001", confirmed=False):
    token = csrf(client.get("/desk/broadcasts/").text)
    data = {"csrf_token": token, "place": place, "text": text}
    if confirmed:
        data["confirmed"] = "y"
    return client.post("/desk/broadcasts/", data=data)


@pytest.fixture
def families(desk):
    """Four people in Sumberejo on three phones (one opted out), one in Ngadirejo."""
    ngadirejo = Village.get(Village.code == "3507102002")
    Person.create(phone=CAREGIVER, name="Budi", role="pmi", village=desk)  # same phone again
    Person.create(phone="+6281200000002", name="Rina", role="caregiver", village=desk)
    Person.create(phone="+6281200000003", name="Yanti", role="caregiver", village=desk)
    Contact.create(phone="+6281200000003", opted_out=True)
    Person.create(phone="+6281200000004", name="Dewi", role="caregiver", village=ngadirejo)
    return desk


def test_an_officer_broadcasts_to_the_village_and_sees_the_counts(client, families, run_jobs):
    log_in(client, OFFICER)
    form = client.get("/desk/broadcasts/")
    SIZES["broadcasts (form)"] = len(form.data)
    assert "Desa Sumberejo" in form.text and "Ngadirejo" not in form.text
    answer = broadcast(client, "Pertemuan keluarga PMI di balai desa, Sabtu jam 9.")
    assert answer.status_code == 302
    sent = Broadcast.get()
    assert (sent.recipients, sent.officer.phone, sent.village.name) == (3, OFFICER, "Sumberejo")
    rows = OutboxMessage.select().where(OutboxMessage.broadcast_id == sent.id)
    assert sorted(r.to for r in rows) == sorted([CAREGIVER, "+6281200000002", "+6281200000003"])
    run_jobs()
    delivered = OutboxMessage.get(OutboxMessage.to == CAREGIVER)
    client.post("/sms/delivery", data={"id": delivered.provider_id, "status": "Success",
                                       "phoneNumber": CAREGIVER})  # fmt: skip
    page = client.get(answer.headers["Location"])
    SIZES["broadcast (counts)"] = len(page.data)
    expected = {"queued": 0, "sent": 1, "delivered": 1, "failed": 0, "suppressed": 1}
    for status, count in expected.items():
        assert f'id="count-{status}">{count}<' in page.text, status
    assert "Pertemuan keluarga" in page.text


def test_an_officer_cannot_broadcast_to_or_read_another_village(client, families):
    log_in(client, OTHER_OFFICER)
    refused = broadcast(client, "Bukan desa saya", place="3507102001")
    assert refused.status_code == 403 and Broadcast.select().count() == 0
    assert OutboxMessage.select().count() == 0
    client.post("/desk/logout", data={"csrf_token": csrf(client.get("/desk/").text)})
    log_in(client, OFFICER)
    broadcast(client, "Untuk Sumberejo")
    client.post("/desk/logout", data={"csrf_token": csrf(client.get("/desk/").text)})
    log_in(client, OTHER_OFFICER)
    page = client.get(f"/desk/broadcasts/{Broadcast.get().id}")
    assert page.status_code == 403 and "Untuk Sumberejo" not in page.text
    assert "Untuk Sumberejo" not in client.get("/desk/broadcasts/").text
    assert client.get("/desk/broadcasts/99999").status_code == 404


def test_more_than_one_sms_or_characters_lost_need_send_anyway(client, families):
    log_in(client, OFFICER)
    long_text = "Informasi penting untuk keluarga pekerja migran. " * 4  # ~200 septets: 2 SMS
    refused = broadcast(client, long_text)
    assert refused.status_code == 422 and "Pesan ini 2 SMS." in refused.text
    emoji = broadcast(client, "Selamat Idul Fitri 🙏")
    assert emoji.status_code == 422 and "terkirim sebagai: Selamat Idul Fitri ?" in emoji.text
    assert Broadcast.select().count() == 0
    # Curly quotes, a dash, an accent: sent plain, one SMS, nothing to confirm.
    assert broadcast(client, "Rapat “RT” — Bu Dédé jam 9…").status_code == 302
    # As families receive it, with how to stop broadcasts (DOMAIN.md: they need an opt-out).
    sent = 'Rapat "RT" - Bu Dédé jam 9...\n(Berhenti terima info: SMS STOP)'
    assert Broadcast.get().text == sent
    assert {row.text for row in OutboxMessage.select()} == {sent}
    assert broadcast(client, long_text, confirmed=True).status_code == 302
    assert Broadcast.select().count() == 2


def test_a_supervisor_broadcasts_to_the_district_and_an_operator_to_any_village(client, families):
    log_in(client, SUPERVISOR)
    page = client.get("/desk/broadcasts/").text  # no place chosen yet: the first is none
    assert '<select id="place" name="place"><option value="">' in page
    unchosen = broadcast(client, "Untuk seluruh Malang", place="")
    assert "Pilih dulu kepada siapa" in unchosen.text and Broadcast.select().count() == 0
    assert broadcast(client, "Untuk seluruh Malang", place="district").status_code == 302
    whole = Broadcast.get()
    assert (whole.village, whole.district, whole.recipients) == (None, "Malang", 4)
    assert broadcast(client, "Bojonegoro", place="3522010001").status_code == 403
    client.post("/desk/logout", data={"csrf_token": csrf(client.get("/desk/").text)})
    log_in(client, OPERATOR)
    assert broadcast(client, "Untuk Ngadirejo", place="3507102002").status_code == 302
    assert broadcast(client, "Tanpa desa", place="district").status_code == 403  # no district
    assert "Pilih dulu" in broadcast(client, "Tanpa desa", place="").text  # operators pick one
    assert client.get(f"/desk/broadcasts/{whole.id}").status_code == 200


def test_the_pages_stay_small(client, families):
    log_in(client, OPERATOR)
    for url in [*OPS_PAGES, "/desk/broadcasts/"]:
        answer = client.get(url)
        assert answer.status_code == 200 and len(answer.data) < 100_000, url
        SIZES.setdefault(url.rsplit("/", 2)[-2] + " (empty)", len(answer.data))
    print(SIZES)


def test_one_operator_cannot_take_anothers_account(app, desk):
    """An operator's PIN and password change only by the CLI: not from the desk."""
    from gateway import staff_accounts
    from gateway.models import Officer

    other = Officer.get(Officer.phone == OPERATOR)
    before = other.password_hash
    assert staff_accounts.reset_password(other.id, "ambil-alih-akun") is None
    assert staff_accounts.reset_pin(other.id, "1357") is None
    assert Officer.get_by_id(other.id).password_hash == before


def test_the_outbox_says_until_when_an_sms_waits(client, desk, now):
    from datetime import datetime

    now.value = datetime(2026, 11, 25, 15, 0)  # 22:00 in Malang: quiet hours
    outbox.add("+6281200000001", "Siaran malam", kind=MessageKind.BROADCAST)
    log_in(client, OPERATOR)
    page = client.get("/desk/ops/outbox").text
    assert "menunggu sampai 26-11 08:00" in page
