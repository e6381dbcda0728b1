"""`seed-demo`: a small, clearly fictional data set for local runs, so that every menu and
keyword can be tried at once on bin/dev (two districts, four villages, their officers and
supervisors, twenty households, a registry with look-alike names and every status)."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from gateway import clock, crypto, imports, officers, pins, staff
from gateway.models import Agency, Village
from gateway.phone import normalise
from gateway.verification import registry

# Kode 99: no such province, so no demo village can be taken for a real one.
VILLAGES = (
    ("9901010001", "Sukamaju Contoh", "Contoh Utara", "Jawa Barat", ""),
    ("9901010002", "Sidorejo Contoh", "Contoh Utara", "Jawa Barat", ""),
    ("9902010001", "Karangrejo Contoh", "Contoh Selatan", "Jawa Timur", "jv"),
    ("9902010002", "Mekarsari Contoh", "Contoh Selatan", "Jawa Timur", "jv"),
)
OFFICER_PIN = "2468"
DESK_PASSWORD = "contoh-2468"  # the web desk's, for every demo staff member
# (phone, name, role, village code or None, district)
STAFF = (
    ("081299900101", "Bu Ani (contoh)", "officer", "9901010001", None),
    ("081299900102", "Pak Dedi (contoh)", "officer", "9901010002", None),
    ("081299900103", "Pak Joko (contoh)", "officer", "9902010001", None),
    ("081299900201", "Pak Indra (contoh)", "supervisor", None, "Contoh Utara"),
    ("081299900202", "Bu Sri (contoh)", "supervisor", None, "Contoh Selatan"),
)  # Mekarsari has no officer: its cases go to the Contoh Selatan supervisor
CAREGIVERS = ("Siti", "Rina", "Wati", "Yani", "Dewi", "Lestari", "Sumi", "Tini", "Marni", "Ika")
SURNAMES = ("Rahayu", "Wulandari")
CHILDREN = ("Budi", "Ani", "Eka", "Fajar", "Gilang", "Hana", "Intan", "Joko", "Kiki", "Lina")
# Each household's parent abroad has their own number (n: the household's, from 1), in turn in
# Taiwan, Malaysia and Hong Kong.
ABROAD = (("+8869123000{n:02d}", "TW"), ("+601230000{n:02d}", "MY"), ("+852912300{n:02d}", "HK"))
AGENCIES = (
    ("KEP.901/PK.02/2024", "PT Sinar Harapan Mulia", "Jl. Contoh 1, Malang", 500, "aktif"),
    ("KEP.902/PK.02/2024", "PT Sinar Harapan Mandiri", "Jl. Contoh 2, Blitar", 500, "aktif"),
    ("KEP.903/PK.02/2023", "PT Maju Jaya Sentosa", "Jl. Contoh 3, Jember", 500, "dicabut"),
    ("KEP.904/PK.02/2022", "PT Abadi Sentosa Karya", "Jl. Contoh 4, Madiun", -60, "aktif"),
    ("KEP.905/PK.02/2024", "PT Duta Sarana Insani", "Jl. Contoh 5, Kediri", 500, "ditangguhkan"),
    ("KEP.906/PK.02/2024", "PT Berkah Syarikah Mandiri", "Jl. Contoh 6, Surabaya", 500, "aktif"),
)
# (code, licence, country, occupation, employer, valid days from today, status)
JOB_ORDERS = (
    ("JO-TW-0001", "KEP.901/PK.02/2024", "TW", "pengasuh lansia", "individual", 300, "aktif"),
    ("JO-MY-0002", "KEP.901/PK.02/2024", "MY", "operator pabrik", "company", 300, "aktif"),
    ("JO-HK-0003", "KEP.902/PK.02/2024", "HK", "pengurus rumah tangga", "individual", 300,
     "dibatalkan"),
    ("JO-TW-0004", "KEP.902/PK.02/2024", "TW", "operator pabrik", "company", -10, "aktif"),
    ("JO-SA-0005", "KEP.901/PK.02/2024", "SA", "pengurus rumah tangga", "individual", 300,
     "aktif"),
    ("JO-SA-0006", "KEP.906/PK.02/2024", "SA", "pengurus rumah tangga", "company", 300, "aktif"),
    ("JO-KH-0007", "KEP.901/PK.02/2024", "KH", "operator", "company", 300, "aktif"),
)  # fmt: skip
SPSK_AGENCY = "KEP.906/PK.02/2024"


class DemoRefusedError(RuntimeError):
    """The database holds real data: the demo would mix with it (and replace the registry)."""


def seed(env: str) -> list[str]:
    """Load the demo data (again: nothing doubles); return what was loaded, line by line.
    Refused in production, and on a database holding real villages or a real registry (the
    demo's would replace it)."""
    if env == "production":
        raise DemoRefusedError("ENV=production: seed-demo is for local runs only")
    demo_codes = {code for code, *_ in VILLAGES}
    others = Village.select().where(Village.code.not_in(demo_codes)).count()
    if others:
        raise DemoRefusedError(
            f"this database has {others} real village(s); seed-demo is for local runs only"
        )
    demo_licences = {licence for licence, *_ in AGENCIES}
    real = Agency.select().where(Agency.licence_no.not_in(demo_licences)).count()
    if real:
        raise DemoRefusedError(
            f"this database has {real} real agencies the demo registry would replace"
        )
    today = clock.now().date()
    folder = Path(tempfile.mkdtemp(prefix="desmigratif-demo-"))
    done = [
        "villages: " + _import(folder, "villages.csv", _villages(), imports.import_villages),
        "households: "
        + _import(folder, "households.csv", _households(today), imports.import_households),
        "agencies: "
        + _import(folder, "agencies.csv", _agencies(today), _registry("agencies", today)),
        "job orders: "
        + _import(folder, "job_orders.csv", _job_orders(today), _registry("job_orders", today)),
        "rules: " + _import(folder, "rules.csv", _rules(), registry.import_rules),
    ]
    for number, name, role, village, district in STAFF:
        officer = officers.add(normalise(number), name, role, village, district)
        pins.set_pin_hash(officer, crypto.hash_pin(OFFICER_PIN))
        staff.set_password(officer, DESK_PASSWORD)
        done.append(f"{role} {name} {officer.phone} (PIN {OFFICER_PIN}, desk {DESK_PASSWORD})")
    return done


def _registry(kind: str, today: date):
    run = registry.import_agencies if kind == "agencies" else registry.import_job_orders
    return lambda path: run(path, today)


def _import(folder: Path, name: str, rows: list[str], run) -> str:
    path = folder / name
    path.write_text("\n".join(rows) + "\n")
    return run(str(path)).render().splitlines()[0]


def _villages() -> list[str]:
    return ["code,name,district,province,language"] + [",".join(v) for v in VILLAGES]


def personas() -> list[tuple[str, str]]:
    """Whom the phone simulator offers to play: (who, phone number), all from the data above."""
    village_names = {code: name for code, name, *_ in VILLAGES}
    played = []
    for i in (0, 1, 3):  # Sukamaju (a parent abroad), Sidorejo, Mekarsari (Javanese, no officer)
        phone, name, village = _caregiver(i)
        played.append((f"Pengasuh: {name}, {village_names[village]}", phone))
    played.append((f"PMI di luar negeri (orang tua anak {_caregiver(0)[1]})", _abroad(0)[0]))
    for phone, name, role, village, district in (STAFF[0], STAFF[3]):
        where = village_names[village] if village else district
        played.append((f"{'Petugas desa' if role == 'officer' else 'Pendamping'}: {name}, {where}",
                       phone))  # fmt: skip
    played.append(("Nomor belum terdaftar", "081299999999"))
    return played


def _caregiver(i: int) -> tuple[str, str, str]:
    """Household i's caregiver: phone, name, village code."""
    village = VILLAGES[i % len(VILLAGES)][0]
    return f"0812999{i:05d}", f"{CAREGIVERS[i % 10]} {SURNAMES[i // 10]}", village


def _abroad(i: int) -> tuple[str, str]:
    """Household i's parent abroad, if it has one (every third does): phone, country."""
    if i % 3:
        return "", ""
    pattern, country = ABROAD[(i // 3) % len(ABROAD)]
    return pattern.format(n=i + 1), country


def _households(today: date) -> list[str]:
    rows = [",".join(imports.HOUSEHOLD_COLUMNS)]
    for i in range(20):
        caregiver, name, village = _caregiver(i)
        migrant, country = _abroad(i)
        for n in range(1 + i % 2):  # every other household has two children
            child = CHILDREN[(i + n) % len(CHILDREN)]
            year = today.year - 4 - (i + 3 * n) % 12
            rows.append(
                f"{village},{caregiver},{name},{migrant},"
                f"{'Ibu ' + CAREGIVERS[(i + 5) % len(CAREGIVERS)] if migrant else ''},{country},"
                f"{child},{year},{'yes' if n == 0 else 'no'},{today.isoformat()}"
            )
    return rows


def _agencies(today: date) -> list[str]:
    rows = ["licence_no,name,address,valid_until,status"]
    for licence, name, address, days, status in AGENCIES:
        until = (today + timedelta(days=days)).isoformat()
        rows.append(f'{licence},{name},"{address}",{until},{status}')
    return rows


def _job_orders(today: date) -> list[str]:
    rows = ["code,licence_no,country,occupation,employer_type,positions,valid_until,status"]
    for code, licence, country, occupation, employer, days, status in JOB_ORDERS:
        until = (today + timedelta(days=days)).isoformat()
        rows.append(f"{code},{licence},{country},{occupation},{employer},5,{until},{status}")
    return rows


def _rules() -> list[str]:
    return ["kind,value,note", f"spsk_agency,{SPSK_AGENCY},demo"]
