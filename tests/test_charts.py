"""Charts as inline SVG: well-formed, titled for screen readers, values written on them, labels
escaped, an empty chart says so."""

import xml.etree.ElementTree as ET

import pytest

from gateway import charts

NS = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(str(svg).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def texts(svg):
    return [t.text for t in parse(svg).iter(f"{NS}text")]


def test_a_bar_chart_has_its_title_axis_labels_and_each_value_on_its_bar():
    svg = charts.bar_chart("Nama tak terdaftar", [("PT Sinar", 12), ("Berkah <b>", 3.5)],
                           x_label="Pertanyaan", y_label="Nama")  # fmt: skip
    root = parse(svg)
    assert root.get("role") == "img" and root.find(f"{NS}title").text == "Nama tak terdaftar"
    assert root.find(f"{NS}desc").text == "PT Sinar: 12; Berkah <b>: 3.5"
    assert {"Nama tak terdaftar", "Pertanyaan", "Nama", "PT Sinar", "12", "3.5"} <= set(texts(svg))
    assert "Berkah <b>" in texts(svg) and "<b>" not in str(svg).replace("&lt;b&gt;", "")
    widths = [float(r.get("width")) for r in root.iter(f"{NS}rect")]
    assert widths[0] == pytest.approx(widths[1] * 12 / 3.5, abs=0.1)


def test_a_line_chart_leaves_a_gap_for_a_missing_value_and_writes_single_series_values():
    svg = charts.line_chart("Dijawab", [("1 Nov", 50), ("8 Nov", None), ("15 Nov", 75)],
                            x_label="Minggu", y_label="%", unit="%", top=100)  # fmt: skip
    path = parse(svg).find(f"{NS}path").get("d")
    assert path.count("M") == 2 and "L" not in path  # two points, no line across the gap
    assert {"50%", "75%", "100%", "Minggu"} <= set(texts(svg))


def test_several_lines_get_a_legend_and_stacked_bars_their_totals():
    lines = charts.line_chart("Per desa", {"A": [("x", 1), ("y", 2)], "B": [("x", 3), ("y", 4)]},
                              x_label="Minggu", y_label="%")  # fmt: skip
    assert {"A", "B"} <= set(texts(lines)) and len(parse(lines).findall(f"{NS}path")) == 2
    stacked = charts.stacked_bar_chart("Kasus", ["Okt", "Nov"], {"calo": [1, 2], "lain": [3, 0]},
                                       x_label="Bulan", y_label="Kasus")  # fmt: skip
    assert {"4", "2", "calo", "lain", "Okt", "Nov"} <= set(texts(stacked))
    assert parse(stacked).find(f"{NS}desc").text == "Okt: calo 1, lain 3; Nov: calo 2, lain 0"


@pytest.mark.parametrize(
    "svg",
    [
        charts.bar_chart("Kosong", [], x_label="x", y_label="y"),
        charts.line_chart("Kosong", [("a", None)], x_label="x", y_label="y"),
        charts.stacked_bar_chart("Kosong", ["a"], {"s": [0]}, x_label="x", y_label="y"),
    ],
)
def test_a_chart_without_data_says_so(svg):
    assert "Belum ada data." in texts(svg)
    assert 'class="chart empty"' in svg  # nothing to scroll to: no phone scrolls it away


def test_each_chart_has_its_own_ids_for_screen_readers():
    first, second = (charts.bar_chart("T", [("a", 1)], x_label="x", y_label="y") for _ in "12")
    assert parse(first).get("aria-labelledby") != parse(second).get("aria-labelledby")


def test_a_long_legend_wraps_into_rows_inside_the_chart_and_the_plot_moves_down():
    names = ["kekerasan", "anak hilang", "perundungan", "rencana nikah anak",
             "masalah lain pada anak", "calo"]  # fmt: skip
    wide = charts.stacked_bar_chart("Kasus", ["Nov"], {n: [1] for n in names},
                                    x_label="Bulan", y_label="Kasus")  # fmt: skip
    narrow = charts.stacked_bar_chart("Kasus", ["Nov"], {"calo": [1]},
                                      x_label="Bulan", y_label="Kasus")  # fmt: skip
    legend = [t for t in parse(wide).iter(f"{NS}text") if t.text in names]
    assert sorted(t.text for t in legend) == sorted(names)  # every series named
    for mark in legend:  # each within the drawing's width
        assert float(mark.get("x")) + 7 * len(mark.text) <= charts.WIDTH
    assert len({mark.get("y") for mark in legend}) == 2  # in two rows
    height = [int(parse(svg).get("viewBox").split()[3]) for svg in (wide, narrow)]
    assert height[0] == height[1] + charts.LEGEND_ROW
