"""USSD sessions walked through the real /ussd endpoint (edge cases: test_africastalking)."""

from gateway import queues
from gateway.models import Contact

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


def test_a_dead_redis_still_answers_every_step(make_app):
    app = make_app()
    app.extensions["redis"] = queues.connect("redis://127.0.0.1:1/0")  # nothing listens there
    client = app.test_client()
    assert screen(dial(client, "")).startswith("CON Desmigratif")
    assert "1 Biaya penempatan" in screen(dial(client, "5"))
    assert screen(dial(client, "6*2")).startswith("END Language saved")


def test_a_bug_in_a_step_ends_with_an_apology_not_a_500(client, monkeypatch):
    from gateway import sessions

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(sessions, "respond", broken)
    body = screen(dial(client, ""))
    assert body.startswith("END Layanan sedang sibuk.")
