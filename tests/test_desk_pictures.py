"""The desk's pictures: scoped like every page (an officer's village, a supervisor's district,
an operator's everything), the numbers drawn are the right ones, each page stays under 100 KB."""

import re

import pytest

from gateway import clock
from gateway.models import ScamWave, Verification, Village
from tests.conftest import OFFICER, OPERATOR, OTHER_OFFICER, SUPERVISOR, log_in

PAGE_LIMIT = 100 * 1024


def asked(village_code, query, result, times=1, key=None):
    village = Village.get(Village.code == village_code)
    for n in range(times):
        Verification.create(query=query, query_key=key or query.upper(), result=result,
                            asker=f"+62812000000{n}", village=village, channel="sms",
                            created_at=clock.now())  # fmt: skip


@pytest.fixture
def ceks(families):
    asked("3507102001", "PT Palsu Jaya", "not_registered", times=3, key="PALSU JAYA")
    asked("3507102001", "PT Sinar Harapan Mulia", "registered")
    asked("3522010001", "PT Kalitidu Abal", "not_found", times=2, key="KALITIDU ABAL")
    ScamWave.create(query_key="PALSU JAYA", askers=3, alerted_at=clock.now())
    ScamWave.create(query_key="KALITIDU ABAL", askers=3, alerted_at=clock.now())
    return families


def descriptions(page):
    """Each chart's accessible description: what a screen reader says, and what it draws."""
    return dict(
        re.findall(r'<title id="[^"]+">([^<]*)</title><desc id="[^"]+">([^<]*)</desc>', page)
    )


def test_an_officer_sees_the_numbers_of_their_village(client, ceks):
    log_in(client, OFFICER)
    page = client.get("/desk/pictures").text
    charts = descriptions(page)
    assert len(charts) == 6
    weekly = charts["Kabar anak yang dijawab, per minggu"]
    assert weekly.startswith("Sumberejo: ") and "23 Nov 33.3%, 30 Nov 33.3%" in weekly
    assert charts["Kabar anak yang dijawab per desa, 4 minggu terakhir"] == "Sumberejo: 33.3%"
    cases = charts["Kasus per bulan, menurut kategori"]
    assert "Nov 2026: perundungan 1, kekerasan pada anak 0" in cases
    assert "Des 2026: perundungan 0, kekerasan pada anak 1" in cases
    assert "tidak sekolah" not in cases  # Ngadirejo's case
    cek = charts["Pertanyaan CEK per minggu, menurut jawaban"]
    assert cek.endswith("30 Nov: terdaftar 1, tidak terdaftar 3, tak dapat dipastikan 0")
    assert charts["Bagian pertanyaan CEK yang tidak terdaftar"].endswith("23 Nov -, 30 Nov 75%")
    names = charts["10 nama tak terdaftar yang paling sering ditanya (12 minggu)"]
    assert names == "PT Palsu Jaya: 3"
    assert "PT Palsu Jaya</td><td>3</td>" in page and "Kalitidu" not in page  # the scam waves


def test_a_supervisor_sees_every_village_of_the_district_and_the_district_line(client, ceks):
    log_in(client, SUPERVISOR)
    charts = descriptions(client.get("/desk/pictures").text)
    weekly = charts["Kabar anak yang dijawab, per minggu"]
    assert weekly.startswith("Semua desa Anda: ") and "Ngadirejo: " in weekly
    assert "23 Nov 50%" in weekly.split(";")[0]  # 2 answered of 4 in the district
    assert "Ngadirejo: 50%" in charts["Kabar anak yang dijawab per desa, 4 minggu terakhir"]
    assert "tidak sekolah 1" in charts["Kasus per bulan, menurut kategori"]


@pytest.mark.parametrize("phone, sees", [(OTHER_OFFICER, "PT Kalitidu Abal"), (OPERATOR, None)])
def test_the_unregistered_names_and_waves_follow_the_scope(client, ceks, phone, sees):
    log_in(client, phone)
    page = client.get("/desk/pictures").text
    names = descriptions(page)["10 nama tak terdaftar yang paling sering ditanya (12 minggu)"]
    if sees:
        assert names == "PT Kalitidu Abal: 2" and "Palsu" not in page
    else:
        assert names == "PT Palsu Jaya: 3; PT Kalitidu Abal: 2"
        assert "PT Palsu Jaya</td>" in page and "PT Kalitidu Abal</td>" in page


def test_an_empty_scope_draws_empty_pictures(client, desk):
    log_in(client, OFFICER)
    page = client.get("/desk/pictures")
    assert page.status_code == 200 and page.text.count("Belum ada data.") >= 6
    assert "Belum ada gelombang penipuan" in page.text


def test_the_pictures_page_stays_under_100_kb_with_many_villages_and_names(client, app, desk):
    for n in range(40):
        village = Village.create(code=f"35071030{n:02d}", name=f"Desa Panjang Sekali Namanya {n}",
                                 district="Malang", province="Jawa Timur")  # fmt: skip
        asked(village.code, f"PT {'Nama Yang Sangat Panjang ' * 5}{n}", "not_registered", times=2)
        ScamWave.create(query_key=f"PT {'NAMA YANG SANGAT PANJANG ' * 5}{n}".strip(), askers=5)
    log_in(client, OPERATOR)
    page = client.get("/desk/pictures")
    assert page.status_code == 200 and len(page.data) < PAGE_LIMIT, len(page.data)
