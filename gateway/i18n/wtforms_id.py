"""WTForms' built-in validation messages in Indonesian (the desk's forms, gateway/web/forms.py);
the keys are WTForms' English messages exactly."""

MESSAGES = {
    "This field is required.": "Wajib diisi.",
    "Not a valid choice.": "Pilihan tidak dikenal.",
    "Not a valid choice": "Pilihan tidak dikenal.",
    "Not a valid date value.": "Bukan tanggal (TTTT-BB-HH).",
    "Not a valid integer value.": "Bukan angka bulat.",
    "Field must be at least %(min)d character long.": "Paling sedikit %(min)d karakter.",
    "Field must be at least %(min)d characters long.": "Paling sedikit %(min)d karakter.",
    "Field cannot be longer than %(max)d character.": "Paling banyak %(max)d karakter.",
    "Field cannot be longer than %(max)d characters.": "Paling banyak %(max)d karakter.",
    "Field must be exactly %(max)d character long.": "Harus tepat %(max)d karakter.",
    "Field must be exactly %(max)d characters long.": "Harus tepat %(max)d karakter.",
    "Field must be between %(min)d and %(max)d characters long.": (
        "Harus %(min)d sampai %(max)d karakter."
    ),
    "Field must be equal to %(other_name)s.": "Harus sama dengan %(other_name)s.",
    "The CSRF token is missing.": "Formulir kedaluwarsa: muat ulang halaman.",
    "The CSRF token has expired.": "Formulir kedaluwarsa: muat ulang halaman.",
    "The CSRF token is invalid.": "Formulir kedaluwarsa: muat ulang halaman.",
    "The CSRF tokens do not match.": "Formulir kedaluwarsa: muat ulang halaman.",
}
