import pytest

from gateway.phone import InvalidPhoneError, normalise


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
