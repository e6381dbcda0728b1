"""DATA and HAPUS by SMS: what is stored about a number, and its erasure (UU PDP)."""

from __future__ import annotations

import pytest
from flask import current_app

from gateway import checkins, gsm7, i18n
from gateway.models import (
    Checkin,
    Child,
    Consent,
    Contact,
    ErasureRecord,
    InboundSms,
    OutboxMessage,
    Person,
)
from tests.conftest import sms, unpeppered_pin_hash

CAREGIVER, OTHER, OFFICER = "+6281234567890", "+6281234500001", "+6281299900101"


@pytest.fixture
def household(app, village):
    siti = Person.create(phone=CAREGIVER, name="Siti Aminah", role="caregiver", village=village)
    Child.create(caregiver=siti, name="Budi", birth_year=2015, in_school=True)
    Child.create(caregiver=siti, name="Ani", birth_year=2019, in_school=True)
    Consent.create(person=siti, scope="children", text_version="v1", channel="ussd")
    rahmat = Person.create(phone=OTHER, name="Rahmat", role="caregiver", village=village)
    Child.create(caregiver=rahmat, name="Dewi", birth_year=2012, in_school=True)
    app.test_cli_runner().invoke(
        args=["add-officer", "--phone", OFFICER, "--name", "Bu Ani", "--village", village.code]
    )
    checkins.open_due(current_app.config)
    return village


def test_data_says_what_is_stored_without_the_childrens_names(client, household):
    sms(client, "1 1 1 1 1", sender=CAREGIVER)  # Budi's check-in answered
    answer = sms(client, "DATA", sender=CAREGIVER)[-2:]
    assert answer == [
        i18n.text(
            "id",
            "data.summary",
            people="Siti Aminah (pengasuh anak, Sumberejo)",
            children="2",
            change="Ubah: menu USSD.",
        ),
        i18n.text(
            "id",
            "data.kept",
            checkins="1",
            reports="0",
            consents="1",
            see_all="Lihat lengkap: menu USSD Data saya.",
        ),
    ]
    assert all(gsm7.fits(text) and "Budi" not in text for text in answer)


def test_data_counts_the_children_a_parent_abroad_is_linked_to(client, household):
    parent = "+886912345678"
    Person.create(phone=parent, name="Sri", role="pmi", village=household)
    Child.update(parent_phone=parent).where(Child.name_key.is_null(False)).execute()
    assert sms(client, "DATA", sender=parent)[-1] == i18n.text(
        "id",
        "data.summary",
        people="Sri (PMI, Sumberejo)",
        children="3",
        change="Ubah: hubungi petugas desa.",  # USSD cannot be dialled from abroad
    )


def test_data_from_an_unknown_number_is_not_daftar(client, household):
    assert sms(client, "data", sender="+6281277778888")[-1] == i18n.text("id", "data.none")


def test_hapus_then_hapus_ya_erases_the_household_and_tells_the_officer(client, household):
    assert sms(client, "1 1 1 1 1", sender=CAREGIVER)  # a check-in answered: it goes too
    assert sms(
        client, "TOLONG Budi dipukul", sender=CAREGIVER
    )  # the officer's alert names the reporter
    from gateway.models import Alert

    sms(client, f"SELESAI {Alert.get().ref} ditangani", sender=OFFICER)  # erasure waits for it
    assert sms(client, "HAPUS", sender=CAREGIVER)[-1] == i18n.text("id", "erase.confirm")
    assert Person.select().where(Person.phone == CAREGIVER).count() == 1  # not before YA
    assert sms(client, "hapus ya", sender=CAREGIVER)[-1] == i18n.text("id", "erase.done")
    assert [p.name for p in Person.select()] == ["Rahmat"]
    assert [c.name for c in Child.select()] == ["Dewi"]
    assert Consent.select().count() == 0
    assert [c.child.name for c in Checkin.select()] == ["Dewi"]
    assert not Contact.select().where(Contact.phone == CAREGIVER).exists()
    assert not InboundSms.select().where(InboundSms.sender == CAREGIVER).exists()
    assert all(m.text == "" for m in InboundSms.select().where(InboundSms.sender == "-"))
    to_officer = [
        m.text
        for m in OutboxMessage.select()
        .where(OutboxMessage.to == OFFICER)
        .order_by(OutboxMessage.id)  # PostgreSQL returns rows in no set order without it
    ]
    assert to_officer[-1] == i18n.text("id", "erase.officer", village="Sumberejo")
    assert not any("Siti" in text or CAREGIVER in text for text in to_officer)
    record = ErasureRecord.get()
    assert (record.village.name, record.people, record.children) == ("Sumberejo", 1, 2)


def test_hapus_ya_needs_hapus_within_ten_minutes(client, household, now):
    assert sms(client, "HAPUS YA", sender=CAREGIVER)[-1] == i18n.text("id", "erase.expired")
    assert sms(client, "HAPUS", sender=CAREGIVER)
    now.advance(minutes=11)
    assert sms(client, "HAPUS YA", sender=CAREGIVER)[-1] == i18n.text("id", "erase.expired")
    assert Person.select().where(Person.phone == CAREGIVER).count() == 1


@pytest.mark.parametrize("confirmation", ["Hapus ya.", "HAPUS,YA", "hapus  ya!"])
def test_hapus_ya_is_read_through_its_punctuation(client, household, confirmation):
    sms(client, "HAPUS", sender=CAREGIVER)
    assert sms(client, confirmation, sender=CAREGIVER)[-1] == i18n.text("id", "erase.done")
    assert Person.select().where(Person.phone == CAREGIVER).count() == 0


@pytest.mark.parametrize("lang", ["id", "en", "jv"])
def test_the_registration_sms_names_data_and_hapus_and_fits(lang):
    text = i18n.fit(
        lang,
        "reg.confirm_sms",
        {
            "role": i18n.text(lang, "role.caregiver"),
            "village": "Sukamaju Kidul Wetan",
            "child_count": "3",
            "officer": "Bu Ani Setyaningsih",
            "ussd_code": "*123#",
        },
        shorten="officer",
    )
    assert "DATA" in text and "HAPUS" in text and gsm7.fits(text)


def test_my_data_on_ussd_erases_only_the_person_who_gave_the_pin(client, household):

    from tests.ussd_phone import Phone

    Person.update(pin_hash=unpeppered_pin_hash("1234")).execute()
    Person.create(phone=CAREGIVER, name="Sri", role="pmi", village=household)  # same phone
    phone = Phone(client, CAREGIVER)
    phone.dial()
    phone.press("1", "1", "1234", "3")  # pick Siti, my data, PIN, erase
    assert phone.last.startswith("CON " + i18n.text("id", "me.erase_confirm"))
    assert phone.press("1") == "END " + i18n.text("id", "me.erased")
    assert sorted(p.name for p in Person.select()) == ["Rahmat", "Sri"]
    assert [c.name for c in Child.select()] == ["Dewi"]
    assert Contact.select().where(Contact.phone == CAREGIVER).count() <= 1  # Sri's stays


def test_erasure_waits_while_a_case_about_the_children_is_open(client, household):
    from gateway.models import Alert
    from tests.ussd_phone import Phone

    sms(client, "1 1 1 1 4", sender=CAREGIVER)  # violence: Budi's case, urgent
    case = Alert.get()
    held = i18n.text("id", "erase.held", ref=case.ref, officer="petugas desa Bu Ani")
    assert sms(client, "HAPUS", sender=CAREGIVER) == [held]
    assert sms(client, "HAPUS YA", sender=CAREGIVER) == [held]
    Person.update(pin_hash=unpeppered_pin_hash("1234")).execute()
    phone = Phone(client, CAREGIVER)
    phone.dial()
    assert phone.press("1", "1234", "3") == "END " + held  # my data, PIN, erase
    assert Person.select().where(Person.phone == CAREGIVER).count() == 1
    assert Child.select().count() == 3 and Alert.get().child_id is not None
    officer_sms = [r.text for r in OutboxMessage.select().where(OutboxMessage.to == OFFICER)]
    assert not any("menghapus" in text for text in officer_sms)
    sms(client, f"SELESAI {case.ref} anak aman", sender=OFFICER)  # closed: now it may go
    assert sms(client, "HAPUS", sender=CAREGIVER) == [i18n.text("id", "erase.confirm")]
    assert sms(client, "HAPUS YA", sender=CAREGIVER) == [i18n.text("id", "erase.done")]
    assert Person.select().where(Person.phone == CAREGIVER).count() == 0


def test_a_tolong_reporters_erasure_waits_for_the_case(client, household):
    sms(client, "TOLONG anak tetangga dipukul", sender=OTHER)
    assert sms(client, "HAPUS", sender=OTHER)[0].startswith("Data belum bisa dihapus: kasus ")


def test_a_parent_abroad_erasing_is_told_only_their_own_data_went(client, household):
    parent = "+886912345678"
    Person.create(phone=parent, name="Sri", role="pmi", village=household)
    Child.update(parent_phone=parent).where(Child.name_key.is_null(False)).execute()
    assert sms(client, "HAPUS", sender=parent) == [i18n.text("id", "erase.confirm_self")]
    assert sms(client, "HAPUS YA", sender=parent) == [i18n.text("id", "me.erased")]
    assert Child.select().count() == 3  # in their caregivers' care still
    assert Child.select().where(Child.parent_phone == parent).count() == 0
    officer_sms = [r.text for r in OutboxMessage.select().where(OutboxMessage.to == OFFICER)]
    assert i18n.text("id", "erase.officer", village="Sumberejo") not in officer_sms


def test_the_officer_is_told_in_indonesian_like_every_alert(client, household):
    household.language = "jv"  # the families' language; the officer reads Indonesian
    household.save()
    sms(client, "HAPUS", sender=OTHER)
    sms(client, "HAPUS YA", sender=OTHER)
    officer_sms = [r.text for r in OutboxMessage.select().where(OutboxMessage.to == OFFICER)]
    assert officer_sms[-1] == i18n.text("id", "erase.officer", village="Sumberejo")


def test_a_parent_abroads_erasure_waits_for_a_case_about_their_child(client, household):
    from gateway.models import Alert

    parent = "+886912345678"
    Person.create(phone=parent, name="Sri", role="pmi", village=household)
    rahmat = Person.get(Person.phone == OTHER)
    Child.update(parent_phone=parent).where(Child.caregiver == rahmat).execute()
    sms(client, "TOLONG Dewi dipukul", sender=OTHER)  # Rahmat's Dewi; Sri is her mother
    held = sms(client, "HAPUS", sender=parent)
    assert held == [
        i18n.text("id", "erase.held", ref=Alert.get().ref, officer="petugas desa Bu Ani")
    ]
    assert Child.get(Child.parent_phone == parent)  # still linked: the officer can reach her


def test_hapus_from_a_number_with_nobody_registered_says_nothing_is_stored(client, household):
    sms(client, "TOLONG anak tetangga dipukul", sender="+6281299990000")
    assert sms(client, "HAPUS", sender="+6281299990000") == [i18n.text("id", "data.none")]


def test_a_case_opened_while_erasure_is_confirmed_on_ussd_holds_it(client, household):
    from gateway.models import Alert
    from tests.ussd_phone import Phone

    Person.update(pin_hash=unpeppered_pin_hash("1234")).execute()
    phone = Phone(client, CAREGIVER)
    phone.dial()
    assert phone.press("1", "1234", "3").startswith("CON " + i18n.text("id", "me.erase_confirm"))
    sms(client, "TOLONG Budi dipukul", sender=CAREGIVER)  # meanwhile, by SMS
    held = i18n.text("id", "erase.held", ref=Alert.get().ref, officer="petugas desa Bu Ani")
    assert phone.press("1") == "END " + held
    assert Person.select().where(Person.phone == CAREGIVER).exists()


def test_a_parent_number_the_family_gave_is_data_to_see_and_erase(client, household):
    parent = "+85291234567"  # never registered: the caregiver typed it
    Child.update(parent_phone=parent).where(
        Child.caregiver == Person.get(phone=CAREGIVER)
    ).execute()
    assert sms(client, "DATA", sender=parent) == [
        i18n.text("id", "data.linked_parent", children="2")
    ]
    assert sms(client, "HAPUS", sender=parent) == [i18n.text("id", "erase.confirm_self")]
    assert sms(client, "HAPUS YA", sender=parent) == [i18n.text("id", "me.erased")]
    assert not Child.select().where(Child.parent_phone == parent).exists()
    assert Child.select().count() == 3  # the children stay with their caregiver
    assert sms(client, "DATA", sender=parent) == [i18n.text("id", "data.none")]


def test_data_names_whole_people_and_counts_those_that_do_not_fit(client, household):
    """Three people on one shared phone: as many named whole as one SMS holds, the rest
    counted; never a name cut in the middle."""
    for name in ("Bambang Sulistyo Wicaksono", "Kartika Dewi Anggraeni Putri"):
        Person.create(phone=CAREGIVER, name=name, role="caregiver", village=household)
    summary = sms(client, "DATA", sender=CAREGIVER)[0]
    assert gsm7.fits(summary)
    assert summary.startswith(
        "Data Anda di Desmigratif: Siti Aminah (pengasuh anak, Sumberejo); +2 lainnya."
    )
    assert ".." not in summary and "Bambang" not in summary
