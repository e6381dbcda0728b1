"""Registration on the real /ussd endpoint: every role in every language, and every refusal."""

import pytest
from werkzeug.security import check_password_hash

from gateway import crypto, i18n
from gateway.models import Child, Consent, Contact, OutboxMessage, Person
from tests.conftest import VILLAGE_CODE as CODE
from tests.ussd_phone import Phone

LANGS = ("id", "en", "jv")


def t(lang, key):
    return i18n.text(lang, key, ussd_code="*123#", min_year=2009, max_year=2026)


def speaking(client, lang):
    Contact.create(phone="+6281234567890", language=lang)
    return Phone(client)


ROLE_STEPS = {
    "calon_pmi": ("1", ["pengasuh lansia"]),
    "pmi": ("2", ["1", "PT Maju Jaya", "1"]),  # 1: go on after "agency not registered"
    "caregiver": ("3", ["0812-1111-2222", "Budi", "2015", "1", "1", "Ani", "2019", "2", "2"]),
}


def register(phone, role, name="  Siti   Aminah ", consent="1"):
    number, steps = ROLE_STEPS[role]
    phone.dial()
    phone.press("1", number, name, "35.07.10.2001", "1", *steps, "1234", "1234")
    return phone.press(consent)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ["calon_pmi", "pmi", "caregiver"])
def test_each_role_registers_end_to_end_in_each_language(client, village, lang, role):
    phone = speaking(client, lang)
    assert register(phone, role) == "END " + t(lang, "reg.done")
    person = Person.get()
    assert (person.phone, person.name, person.role, person.village.code) == (
        "+6281234567890",
        "Siti Aminah",
        role,
        CODE,
    )
    # A peppered hash, never the PIN: it verifies, and only with PIN_PEPPER.
    assert person.pin_hash.startswith(crypto.PEPPERED)
    assert crypto.pin_matches(person.pin_hash, "1234")
    assert not crypto.pin_matches(person.pin_hash, "1235")
    assert not check_password_hash(person.pin_hash.removeprefix(crypto.PEPPERED), "1234")
    confirmation = OutboxMessage.get(OutboxMessage.to == person.phone).text
    children_said = {"id": "anak.", "en": "child(ren)", "jv": "lare."}[lang]
    assert (children_said in confirmation) == (role == "caregiver"), confirmation  # never "0"
    scopes = sorted(c.scope for c in Consent.select().where(Consent.person == person))
    assert scopes == (["children", "self"] if role == "caregiver" else ["self"])
    if role == "pmi":
        assert (person.destination_country, person.agency) == ("TW", "PT Maju Jaya")
    if role == "calon_pmi":
        assert person.job_interest == "pengasuh lansia"
    if role == "caregiver":
        children = [
            (c.name, c.birth_year, c.in_school, c.parent_phone)
            for c in Child.select().order_by(Child.id)
        ]
        assert children == [
            ("Budi", 2015, True, "+6281211112222"),
            ("Ani", 2019, False, "+6281211112222"),
        ]


@pytest.mark.parametrize("lang", LANGS)
def test_no_consent_saves_nothing_and_says_where_to_go(client, village, lang):
    phone = speaking(client, lang)
    assert register(phone, "caregiver", consent="2") == "END " + t(lang, "reg.declined")
    assert Person.select().count() == Child.select().count() == Consent.select().count() == 0


def test_a_repeated_request_or_a_lost_session_stores_nothing_twice(client, village, redis):
    phone = Phone(client)
    register(phone, "caregiver")
    phone.resend()
    redis.flushdb()  # the session state is gone: the whole text is replayed from the start
    phone.resend()
    assert Person.select().count() == 1 and Child.select().count() == 2
    assert Consent.select().count() == 2


def error_then(screen, lang, error_key, prompt_key):
    first_line = t(lang, prompt_key).split("\n")[0]
    assert screen.startswith(f"CON {t(lang, error_key)}\n{first_line}"), screen


@pytest.mark.parametrize("lang", LANGS)
def test_every_wrong_answer_repeats_the_question_with_a_reason(client, village, lang):
    phone = speaking(client, lang)
    phone.dial()
    error_then(phone.press("3"), lang, "error.invalid_choice", "root.title")
    error_then(phone.press("1", "9"), lang, "error.invalid_choice", "reg.role")
    error_then(phone.press("3", "12345"), lang, "answer.bad_name", "reg.name")
    error_then(phone.press("Siti", "9999999999"), lang, "answer.bad_village", "reg.village")
    error_then(phone.press(CODE, "1", "hello"), lang, "answer.bad_phone", "reg.parent_phone")
    # The caller's own number (0812-3456-7890) is no parent abroad's.
    error_then(phone.press("081234567890"), lang, "answer.own_phone", "reg.parent_phone")
    error_then(phone.press("1", "B"), lang, "answer.bad_name", "reg.child_name")
    error_then(phone.press("Budi", "2001"), lang, "answer.bad_year", "reg.child_year")
    error_then(phone.press("2016", "3"), lang, "error.invalid_choice", "reg.child_school")
    error_then(phone.press("1", "5"), lang, "error.invalid_choice", "reg.child_more")
    error_then(phone.press("2", "12a4"), lang, "answer.bad_pin", "reg.pin")
    error_then(phone.press("1234", "4321"), lang, "answer.pin_mismatch", "reg.pin_again")
    phone.press("1234")
    error_then(phone.press_raw("7"), lang, "error.invalid_choice", "reg.consent_family")
    assert phone.press("1") == "END " + t(lang, "reg.done")
    assert Child.get().parent_phone is None  # "1": the parent's number is not known


def test_a_parent_abroads_number_that_reads_two_ways_is_asked_about(client, village):
    phone = Phone(client)
    phone.dial()
    asked = phone.press("1", "3", "Wati", "35.07.10.2001", "1", "85291234567")
    # Hong Kong's, or Telkomsel's 0852 without its 0? Asked, never guessed.
    error_then(asked, "id", "answer.phone_which_country", "reg.parent_phone")
    phone.press("0085291234567", "Sari", "2016", "1", "2")
    assert phone.press("1234", "1234", "1") == "END " + t("id", "reg.done")
    assert Child.get().parent_phone == "+85291234567"


def test_the_language_a_family_registered_in_stays_theirs(client, village):
    from gateway import people

    village.language = "jv"  # a Javanese-speaking village: its default for the unknown
    village.save()
    phone = Phone(client)
    assert register(phone, "caregiver") == "END " + t("id", "reg.done")  # read in Indonesian
    assert people.language_for(phone.number, "id") == "id"
    assert "1 " + t("id", "home.my_data") in phone.dial()


def test_back_goes_one_question_back_and_00_home(client, village):
    phone = Phone(client)
    phone.dial()
    assert phone.press("1", "2", "Siti").startswith("CON " + t("id", "reg.village"))
    assert phone.press("0").startswith("CON " + t("id", "reg.name"))
    assert phone.press("Siti", CODE, "1").startswith("CON " + t("id", "reg.country"))
    assert phone.press("00").startswith("CON " + t("id", "root.title"))
    assert Person.select().count() == 0


def test_the_destination_list_has_other_countries(client, village):
    phone = Phone(client)
    phone.dial()
    first = phone.press("1", "2", "Siti", CODE, "1")
    assert "1 Taiwan" in first and "98 Lanjut" in first
    second = phone.press("98")
    assert "7 Arab Saudi" in second and "8 Negara lain" in second
    phone.press("8", "Brunei", "1", "1234", "1234", "1")
    person = Person.get()
    assert (person.destination_country, person.agency) == ("Brunei", None)


@pytest.mark.parametrize("lang", LANGS)
def test_wrong_answers_on_the_migrants_own_questions(client, village, lang):
    phone = speaking(client, lang)
    phone.dial()
    phone.press("1", "2", "Siti", CODE, "1")
    error_then(phone.press("9"), lang, "error.invalid_choice", "reg.country")
    phone.press("98")
    error_then(phone.press("8", "?"), lang, "answer.bad_text", "reg.country_other")
    error_then(phone.press("Brunei", "x" * 41), lang, "answer.bad_text", "reg.agency")
    assert phone.press("PT Maju", "1", "1234", "1234", "1") == "END " + t(lang, "reg.done")


@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_answer_on_the_prospective_migrants_question(client, village, lang):
    phone = speaking(client, lang)
    phone.dial()
    phone.press("1", "1", "Siti", CODE, "1")
    error_then(phone.press("!!"), lang, "answer.bad_text", "reg.job")
    assert phone.press("pabrik", "1234", "1234", "1") == "END " + t(lang, "reg.done")


def test_going_back_to_correct_a_child_leaves_no_wrong_copy(client, village):
    phone = Phone(client)
    phone.dial()
    phone.press("1", "3", "Siti", CODE, "1", "1", "Budi", "2015", "1")  # at "another child?"
    phone.press("0", "2")  # back: not in school after all
    phone.press("0", "0", "0", "Budy", "2016", "1")  # back to the name: a typo mended
    phone.press("2", "1234", "1234")
    assert phone.press("1") == "END " + t("id", "reg.done")
    assert [(c.name, c.birth_year, c.in_school) for c in Child.select()] == [("Budy", 2016, True)]


def test_at_most_eight_children_in_one_registration(client, village):
    phone = Phone(client)
    phone.dial()
    phone.press("1", "3", "Siti", CODE, "1", "1")
    for i in range(8):
        screen = phone.press(f"Anak {'abcdefgh'[i]}", "2015", "1")
        if i < 7:
            screen = phone.press("1")
    assert "Tambah anak lain" not in screen
    phone.press("1", "1234", "1234", "1")  # "1" is now "done, continue"
    assert Child.select().count() == 8


@pytest.mark.parametrize(
    "typed, kept", [("Dédé", "Dédé"), ("Nur’aini", "Nur'aini"), ("  Siti   Aminah ", "Siti Aminah")]
)
def test_names_as_people_write_them_are_names(typed, kept):
    from gateway.people import clean_name

    assert clean_name(typed) == kept


@pytest.mark.parametrize("typed", ["B", "Budi2", "Łukasz", "x" * 41, "-Ani"])
def test_what_is_no_name_is_refused(typed):
    from gateway.people import clean_name

    assert clean_name(typed) is None


def test_going_back_over_a_child_undoes_it(client, village):
    """Back from the second child to the first one's school question, changed: one child,
    not in school (the second typed is gone, the first not stored twice)."""
    phone = Phone(client)
    phone.dial()
    phone.press("1", "3", "Tuti", CODE, "1", "1", "Putri", "2015", "1", "1", "Bayu", "2010")
    for _ in range(4):  # back to Bayu's year, his name, "another child?", Putri's school
        phone.press_raw("0")
    assert phone.last.startswith("CON " + t("id", "reg.child_school").split("\n")[0])
    phone.press("2", "2", "1234", "1234", "1")  # not in school; no more children; PIN; consent
    assert [(c.name, c.birth_year, c.in_school) for c in Child.select()] == [("Putri", 2015, False)]


def test_a_registration_begun_again_after_00_keeps_none_of_the_first(client, village):
    """A child typed, then "00" to the root and a new registration: only the new child."""
    phone = Phone(client)
    phone.dial()
    phone.press("1", "3", "Tuti", CODE, "1", "1", "Putri", "2015", "1", "1")
    phone.press_raw("00")
    phone.press("1", "3", "Tuti", CODE, "1", "1", "Bayu", "2016", "1", "2", "1234", "1234", "1")
    assert [c.name for c in Child.select()] == ["Bayu"]
