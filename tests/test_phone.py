import pytest

from gateway.phone import AmbiguousPhoneError, InvalidPhoneError, normalise, normalise_abroad


@pytest.mark.parametrize(
    "raw, e164",
    [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("(0812) 3456 7890", "+6281234567890"),
        ("0062 812 3456 7890", "+6281234567890"),
        ("+60 12-345 6789", "+60123456789"),  # Malaysia: kept as it is
        ("+886 912 345 678", "+886912345678"),  # Taiwan
        ("+852 5123 4567", "+85251234567"),  # Hong Kong
    ],
)
def test_numbers_are_stored_in_e164(raw, e164):
    assert normalise(raw) == e164


@pytest.mark.parametrize(
    "raw", ["", "   ", "halo", "123", "0812", "+62 123", "08123456789012345678", "0812;DROP", None]
)
def test_garbage_is_refused(raw):
    with pytest.raises(InvalidPhoneError):
        normalise(raw)


@pytest.mark.parametrize(
    "raw, e164",
    [
        ("60123456789", "+60123456789"),  # Malaysia: no "+" on a keypad, and no Indonesian number
        ("966501234567", "+966501234567"),  # Saudi Arabia
        ("0085291234567", "+85291234567"),  # Hong Kong with 00
        ("+852 9123 4567", "+85291234567"),
        ("0852 9123 4567", "+6285291234567"),  # with its 0: an Indonesian number abroad
        ("6281234567890", "+6281234567890"),
    ],
)
def test_a_parent_abroads_number_is_read_with_its_country_code(raw, e164):
    assert normalise_abroad(raw) == e164


@pytest.mark.parametrize("raw", ["85291234567", "886912345678", "81234567890"])
def test_digits_that_read_two_ways_are_asked_about_never_guessed(raw):
    # Hong Kong or 0852..., Taiwan or 0886..., Japan or 0812...: a guess would send a child's
    # news to a stranger.
    with pytest.raises(AmbiguousPhoneError):
        normalise_abroad(raw)
    assert normalise(raw).startswith("+62")  # anywhere else: an Indonesian number
