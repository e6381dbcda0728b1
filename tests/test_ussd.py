"""The /ussd and /ussd/events callbacks, walked through the real endpoint."""

import pytest

from gateway import queues
from gateway.models import Contact, UssdSessionEvent

PHONE = "+6281234567890"


def dial(client, text, session="sess-1", phone=PHONE, **extra):
    form = {
        "sessionId": session,
        "serviceCode": "*123#",
        "phoneNumber": phone,
        "text": text,
        "networkCode": "51010",
        **extra,
    }
    return client.post("/ussd", data=form)


def screen(response):
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    return response.get_data(as_text=True)


def test_an_empty_text_opens_the_root_menu(client):
    body = screen(dial(client, ""))
    assert body.startswith("CON Desmigratif")
    assert "5 Info" in body and "6 Bahasa/Language" in body


def test_info_pages_through_the_zero_cost_jobs_and_back(client):
    text, pages = "5*2", []
    pages.append(screen(dial(client, text)))
    while "98 Lanjut" in pages[-1] and len(pages) < 6:
        text += "*98"
        pages.append(screen(dial(client, text)))
    assert len(pages) > 1 and "98 Lanjut" not in pages[-1]
    for job in ("pengurus rumah tangga", "supir keluarga", "awak kapal perikanan migran"):
        assert sum(job in page for page in pages) == 1, job
    for previous in reversed(pages[:-1]):
        text += "*0"
        assert screen(dial(client, text)) == previous
    home = screen(dial(client, text + "*00"))
    assert home == screen(dial(client, "", session="other"))


def test_the_official_channels_are_on_the_info_screen(client):
    body = screen(dial(client, "5*3"))
    assert "0800-1000" in body and "0811-8080-141" in body


def test_an_invalid_choice_repeats_the_screen_and_never_ends(client):
    root = screen(dial(client, ""))
    body = screen(dial(client, "9"))
    assert body == "CON Pilihan salah.\n" + root[len("CON ") :]


def test_language_choice_is_saved_once_and_used_next_time(client):
    for text in ("", "6", "6*2", "6*2"):  # the last request is the telco repeating itself
        body = screen(dial(client, text))
    assert body == "END Language saved: English. Thank you."
    assert Contact.get(Contact.phone == PHONE).language == "en"
    assert Contact.select().count() == 1
    assert screen(dial(client, "", session="sess-2")).startswith("CON Desmigratif: services")


def test_the_same_step_twice_gives_the_same_screen(client):
    dial(client, "")
    once = screen(dial(client, "5"))
    assert screen(dial(client, "5")) == once
    assert "1 Biaya penempatan" in screen(dial(client, "5*9"))


def test_a_session_whose_state_was_lost_is_replayed_from_its_text(client, redis):
    dial(client, "")
    dial(client, "5")
    redis.flushdb()
    assert "pengurus rumah tangga" in screen(dial(client, "5*2"))


def test_the_phone_number_is_normalised(client):
    screen(dial(client, "6*1", phone="0812-3456-7890"))
    assert Contact.get().phone == PHONE


def test_a_garbage_phone_number_gets_a_clear_end_and_nothing_stored(client):
    body = screen(dial(client, "6*1", phone="hello"))
    assert body.startswith("END Nomor telepon tidak dikenali")
    assert Contact.select().count() == 0


def test_a_missing_session_id_is_a_400(client):
    response = client.post("/ussd", data={"phoneNumber": PHONE, "text": ""})
    assert response.status_code == 400


def test_twenty_kilobytes_of_text_get_a_short_answer(client):
    body = screen(dial(client, "1*" * 10_000))
    assert body.startswith("END Terlalu banyak masukan")


def test_one_overlong_answer_repeats_the_screen(client):
    dial(client, "")
    body = screen(dial(client, "x" * 500))
    assert body.startswith("CON Jawaban terlalu panjang.\nDesmigratif")


def test_invalid_utf8_is_an_invalid_choice_not_a_crash(client):
    dial(client, "")
    response = client.post(
        "/ussd",
        data=b"sessionId=sess-1&phoneNumber=%2B6281234567890&text=%FF%FE",
        content_type="application/x-www-form-urlencoded",
    )
    assert screen(response).startswith("CON Pilihan salah.")


def test_a_dead_redis_still_answers_every_step(make_app):
    app = make_app()
    app.extensions["redis"] = queues.connect("redis://127.0.0.1:1/0")  # nothing listens there
    client = app.test_client()
    assert screen(dial(client, "")).startswith("CON Desmigratif")
    assert "1 Biaya penempatan" in screen(dial(client, "5"))
    assert screen(dial(client, "6*2")).startswith("END Language saved")


def end_event(client, session="sess-1", status="Incomplete", **extra):
    form = {
        "sessionId": session,
        "phoneNumber": PHONE,
        "serviceCode": "*123#",
        "networkCode": "51010",
        "status": status,
        "input": "5*2",
        "lastAppResponse": "CON Bebas biaya",
        "durationInMillis": "5321",
        "errorMessage": "",
        "date": "2026-11-25 09:00:00",
        **extra,
    }
    return client.post("/ussd/events", data=form)


def test_the_end_of_session_event_is_stored_once(client):
    assert end_event(client).status_code == 200
    assert end_event(client).status_code == 200
    event = UssdSessionEvent.get()
    assert UssdSessionEvent.select().count() == 1
    assert (event.status, event.input, event.duration_ms) == ("Incomplete", "5*2", 5321)


@pytest.mark.parametrize("change", [{"sessionId": ""}, {"status": ""}, {"phoneNumber": "abc"}])
def test_a_bad_end_event_is_a_400_and_stores_nothing(client, change):
    assert end_event(client, **change).status_code == 400
    assert UssdSessionEvent.select().count() == 0


def test_a_bug_in_a_step_ends_with_an_apology_not_a_500(client, monkeypatch):
    from gateway import sessions

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(sessions, "respond", broken)
    body = screen(dial(client, ""))
    assert body.startswith("END Layanan sedang sibuk.")
