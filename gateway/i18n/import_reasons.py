"""Why an import refused a row or a file, and what it created, in the desk's Indonesian. The
keys are the CLI's English templates exactly (gateway/imports.py Reason): one text, two readers."""

from __future__ import annotations

INDONESIAN = {
    # A row
    "empty": "kosong",
    "longer than {most} characters": "lebih dari {most} karakter",
    "not a 10-digit Kemendagri village code": "bukan kode desa Kemendagri 10 angka",
    "not one of {allowed}": "bukan salah satu dari {allowed}",
    "not a phone number": "bukan nomor HP",
    "the caregiver's own number": "nomor pengasuh sendiri",
    "one to {most} words of letters": "harus 1 sampai {most} kata huruf saja",
    "not a licence number": "bukan nomor izin",
    "abroad or Indonesian? write it with + or 00": "nomor luar negeri atau Indonesia? tulis"
    " dengan + atau 00",
    "not a name (letters, 2-40 characters)": "bukan nama (huruf, 2-40 karakter)",
    "unknown village (import the villages first)": "desa tidak dikenal (impor desa dulu)",
    "not an ISO 3166 two-letter country code": "bukan kode negara ISO 3166 (dua huruf)",
    "not the birth year of a child under 18": "bukan tahun lahir anak di bawah 18 tahun",
    "not yes or no": "bukan ya atau tidak",
    "not a date (YYYY-MM-DD)": "bukan tanggal (TTTT-BB-HH)",
    "in the future": "tanggal di masa depan",
    "no letters or digits": "tanpa huruf atau angka",
    "not a whole number": "bukan bilangan bulat",
    "appears twice in the file": "muncul dua kali dalam berkas",
    "more cells than the header's columns: a comma inside a value? quote it": (
        "sel lebih banyak dari kolom judul: ada koma di dalam isian? beri tanda kutip"
    ),
    "the case category a danger word opens: one of {allowed}": (
        "kategori kasus untuk kata bahaya: salah satu dari {allowed}"
    ),
    # A file
    "{file}: missing column(s): {columns}": "{file}: kolom tidak ada: {columns}",
    "{file}: not UTF-8 text ({why}): save it as CSV UTF-8": (
        '{file}: bukan teks UTF-8 (mungkin disimpan Excel biasa): simpan sebagai "CSV UTF-8"'
    ),
    "{file}: columns separated by ';': save it as CSV with commas (UTF-8)": (
        "{file}: kolom dipisah ';': simpan sebagai CSV dengan koma (UTF-8)"
    ),
    "{file}: not a CSV file ({why})": "{file}: bukan berkas CSV ({why})",
    "{file}: no valid row; the registry in force is kept": (
        "{file}: tidak ada baris yang benar; registri yang berlaku tetap dipakai"
    ),
    "{file}: no valid row; the rules in force are kept": (
        "{file}: tidak ada baris yang benar; aturan yang berlaku tetap dipakai"
    ),
    "--as-of {as_of} is in the future": "tanggal data {as_of} di masa depan",
    "--as-of {as_of} is older than the export in force ({in_force}); nothing changed:"
    " import the newest export (--allow-older if the one in force is wrongly dated)": "tanggal"
    " data {as_of} lebih lama dari data yang berlaku ({in_force}); tidak ada yang diubah:"
    " unggah ekspor terbaru (bila tanggal data yang berlaku salah: perintah import dengan"
    " --allow-older)",
    "unknown import {kind}": "jenis impor tidak dikenal: {kind}",
    "the registry export's date (as of) is needed": "tanggal ekspor registri wajib diisi",
    "{file}: empty file": "{file}: berkas kosong",
    "{file}: larger than {most} MB": "{file}: lebih dari {most} MB",
    "nothing changed: a list is replaced whole, and the row(s) at line(s) {lines} were refused;"
    " fix them and import the file again": (
        "tidak ada yang diubah: daftar diganti utuh, dan baris {lines} ditolak;"
        " perbaiki lalu impor lagi"
    ),
    # What an import created
    "villages": "desa",
    "people": "orang",
    "children": "anak",
    "agencies": "agensi",
    "job orders": "job order",
    "rules": "aturan",
}


def indonesian(template: str, params: dict[str, object]) -> str:
    """The template in Indonesian (the English one if the catalog lacks it), filled in."""
    return INDONESIAN.get(template, template).format(**params)
