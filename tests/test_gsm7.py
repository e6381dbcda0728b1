"""GSM-7: what a basic phone can show, and how long a text is in septets."""

import pytest

from gateway import gsm7


@pytest.mark.parametrize(
    "text, is_gsm7, septets, sendable",
    [
        ("", True, 0, ""),
        ("Kabar anak 2015?", True, 16, "Kabar anak 2015?"),
        ("Harga 50€ [biaya]", True, 20, "Harga 50€ [biaya]"),  # € [ ] take two septets each
        ("^{}\\[~]|€\f", True, 20, "^{}\\[~]|€\f"),  # the whole extension table
        ("ÇÉ\nØ ñ", True, 6, "ÇÉ\nØ ñ"),
        ("\u201cPT Maju\u201d \u2013 ok\u2026", False, 15, '"PT Maju" - ok...'),
        ("anak 😀 aman", False, 11, "anak ? aman"),
        ("-]", True, 3, "-]"),  # characters a regular expression treats specially
    ],
)
def test_gsm7_alphabet_length_and_plain_text(text, is_gsm7, septets, sendable):
    assert gsm7.is_gsm7(text) is is_gsm7
    assert gsm7.septets(text) == septets
    assert gsm7.to_gsm7(text) == sendable and gsm7.is_gsm7(sendable)


def test_a_letter_outside_gsm7_loses_its_accent_not_itself():
    # í, ó, ź are no GSM-7 letters: their plain ones are; Ł has none.
    assert gsm7.to_gsm7("Mandirí Łódź") == "Mandiri ?odz"
    assert gsm7.to_gsm7("Dédé") == "Dédé"  # é is GSM-7: kept


def test_numbered_parts_are_cut_at_a_pause_not_inside_a_field():
    """An officer's INFO: a part ends after a full stop or a comma when one leaves it well
    filled, so that "senang -" never reads "senang" | "-"."""
    text = (
        "INFO KTHXKY: kekerasan pada anak. Anak Dewi (2015), pengasuh Rina +6281234500002, "
        "desa Sumberejo. Kabar terakhir: sekolah -, sehat -, senang -, kontak ortu -. "
        "Pelapor +6281234500002, desa Sumberejo: anak saya dipukul bapak tirinya tadi malam."
    )
    parts = gsm7.numbered_parts(text)
    assert len(parts) == 2 and all(gsm7.fits(part) for part in parts)
    assert parts[0].endswith(("-,", "-.", "Sumberejo.")), parts
    assert " ".join(part.split(" ", 1)[1] for part in parts) == text  # nothing lost
