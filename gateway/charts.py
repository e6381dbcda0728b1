"""Charts as inline SVG strings drawn on the server: bars and lines from (label, value) pairs,
each with a title, axis labels, its values written on it and an accessible <title> and <desc>.
No script and no library: a page carries its pictures in a few kilobytes."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

# Okabe-Ito: told apart by colour-blind readers too; the first is the desk's own green.
PALETTE = ("#24584b", "#d55e00", "#0072b2", "#e69f00", "#cc79a7", "#56b4e9", "#009e73", "#666")
WIDTH, ROW, FONT = 640, 22, 12
TOP = 44  # the title, and the legend under it
LEGEND_ROW = 16  # each row more of a long legend moves the plot down
LEFT = 56  # the value axis of columns and lines
_ids = itertools.count(1)

Points = Sequence[tuple[str, float | None]]


def number(value: float | None, unit: str = "") -> str:
    """A value as written on a chart: whole numbers plain, others to one decimal."""
    if value is None:
        return "-"
    return (f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}") + unit


def _short(label: str, room: int) -> str:
    return label if len(label) <= room else label[: room - 1] + "\u2026"


def _text(x: float, y: float, content: str, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f'<text x="{x:.0f}" y="{y:.0f}"{extra}>{escape(content)}</text>'


def _frame(
    title: str, desc: str, height: int, body: list[str], css: str = "chart", width: int = WIDTH
) -> Markup:
    """The <svg> around a chart's marks: scales to its container, read aloud as title + desc."""
    uid = f"chart{next(_ids)}"
    return Markup(
        f'<svg class="{css}" role="img" viewBox="0 0 {width} {height}" width="100%"'
        f' aria-labelledby="{uid}t {uid}d" font-size="{FONT}" font-family="sans-serif">'
        f'<title id="{uid}t">{escape(title)}</title><desc id="{uid}d">{escape(desc)}</desc>'
        + _text(0, 16, title, font_size="15", font_weight="bold")
        + "".join(body)
        + "</svg>"
    )


def _empty(title: str) -> Markup:
    # "chart empty": nothing to scroll to on a phone, so no width of its own to scroll in; a
    # drawing as narrow as its title allows, so that its words stay readable on a phone.
    body = [_text(0, 44, "Belum ada data.", fill="#666")]
    width = max(WIDTH // 2, 9 * len(title))  # a bold 15-point title: about 9 a letter
    return _frame(title, "Belum ada data.", 60, body, css="chart empty", width=width)


def _legend(names: Sequence[str]) -> tuple[list[str], int]:
    """The legend under the title, in as many rows as it needs to fit the width; its marks,
    and the height its rows after the first take."""
    marks, x, y = [], 0, 26
    for colour, name in zip(itertools.cycle(PALETTE), names, strict=False):
        width = 24 + 7 * len(name)
        if x and x + width > WIDTH:
            x, y = 0, y + LEGEND_ROW
        marks.append(f'<rect x="{x}" y="{y}" width="10" height="10" fill="{colour}"/>')
        marks.append(_text(x + 14, y + 9, name))
        x += width
    return marks, y - 26


def bar_chart(
    title: str, items: Points, *, x_label: str, y_label: str, unit: str = "", top: float = 0
) -> Markup:
    """One horizontal bar per (label, value), the value written at its end; `top`: the scale's
    end (100 for percentages), else the largest value."""
    if not items:
        return _empty(title)
    room = min(max(len(label) for label, _ in items), 28)
    left = 8 + 7 * room
    plot = WIDTH - left - 56
    top = top or max((value or 0) for _, value in items) or 1
    body = [_text(0, TOP - 6, y_label, fill="#444")]
    for row, (label, value) in enumerate(items):
        y = TOP + row * ROW
        width = plot * (value or 0) / top
        body.append(_text(left - 6, y + 15, _short(label, room), text_anchor="end"))
        body.append(f'<rect x="{left}" y="{y + 3}" width="{width:.1f}" height="{ROW - 6}"'
                    f' fill="{PALETTE[0]}"/>')  # fmt: skip
        body.append(_text(left + width + 4, y + 15, number(value, unit)))
    bottom = TOP + len(items) * ROW
    body += _axis_x(left, plot, bottom, top, unit)
    body.append(_text(left + plot / 2, bottom + 34, x_label, text_anchor="middle", fill="#444"))
    desc = "; ".join(f"{label}: {number(value, unit)}" for label, value in items)
    return _frame(title, desc, bottom + 42, body)


def _axis_x(left: float, plot: float, bottom: float, top: float, unit: str) -> list[str]:
    marks = [f'<line x1="{left}" y1="{bottom}" x2="{left + plot}" y2="{bottom}" stroke="#999"/>']
    for share in (0, 0.5, 1):
        x = left + plot * share
        marks.append(f'<line x1="{x:.0f}" y1="{TOP}" x2="{x:.0f}" y2="{bottom}" stroke="#ddd"/>')
        marks.append(_text(x, bottom + 14, number(top * share, unit), text_anchor="middle"))
    return marks


def _axis_y(left: float, plot_top: float, height: float, top: float, unit: str) -> list[str]:
    marks = []
    for share in (0, 0.5, 1):
        y = plot_top + height * (1 - share)
        marks.append(
            f'<line x1="{left}" y1="{y:.0f}" x2="{WIDTH - 8}" y2="{y:.0f}" stroke="#ddd"/>'
        )
        marks.append(_text(left - 4, y + 4, number(top * share, unit), text_anchor="end"))
    return marks


def _columns_frame(
    labels: Sequence[str], x_label: str, y_label: str, top: float, unit: str, legend: int = 0
) -> tuple[list[str], float, float, float]:
    """Axes, their labels and the x labels (below a legend `legend` high beyond its first row);
    the column width, plot top and plot height."""
    left, plot_top, height = LEFT, TOP + 8 + legend, 180
    step = (WIDTH - 8 - left) / len(labels)
    body = _axis_y(left, plot_top, height, top, unit)
    body.append(_text(12, plot_top + height / 2, y_label, fill="#444", text_anchor="middle",
                      transform=f"rotate(-90 12 {plot_top + height / 2:.0f})"))  # fmt: skip
    room = max(int(step / 7), 3)
    for i, label in enumerate(labels):
        x = left + step * (i + 0.5)
        body.append(_text(x, plot_top + height + 16, _short(label, room), text_anchor="middle"))
    body.append(
        _text(
            left + (WIDTH - left) / 2,
            plot_top + height + 36,
            x_label,
            text_anchor="middle",
            fill="#444",
        )  # fmt: skip
    )
    return body, step, plot_top, height


def stacked_bar_chart(
    title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    x_label: str,
    y_label: str,
) -> Markup:
    """One column per label, split into the series (named in the legend), its total on top."""
    totals = [sum(values[i] for values in series.values()) for i in range(len(labels))]
    if not labels or not any(totals):
        return _empty(title)
    top = max(totals)
    legend, below = _legend(list(series))
    body, step, plot_top, height = _columns_frame(labels, x_label, y_label, top, "", below)
    body += legend
    for i, total in enumerate(totals):
        x, base = LEFT + step * i + step * 0.15, plot_top + height
        for colour, values in zip(itertools.cycle(PALETTE), series.values(), strict=False):
            size = height * values[i] / top
            base -= size
            body.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{step * 0.7:.1f}"'
                        f' height="{size:.1f}" fill="{colour}"/>')  # fmt: skip
        body.append(_text(x + step * 0.35, base - 3, number(total), text_anchor="middle"))
    desc = "; ".join(
        f"{label}: " + ", ".join(f"{name} {number(values[i])}" for name, values in series.items())
        for i, label in enumerate(labels)
    )
    return _frame(title, desc, int(plot_top + height + 44), body)


def line_chart(
    title: str,
    series: Points | Mapping[str, Points],
    *,
    x_label: str,
    y_label: str,
    unit: str = "",
    top: float = 0,
) -> Markup:
    """One line per series over the same labels (a gap where a value is None); a single series
    has its values written at its points, several get a legend."""
    named = dict(series) if isinstance(series, Mapping) else {"": series}
    labels = [label for label, _ in next(iter(named.values()), [])]
    values = [v for points in named.values() for _, v in points if v is not None]
    if not labels or not values:
        return _empty(title)
    top = top or max(values) or 1
    legend, below = _legend(list(named)) if len(named) > 1 else ([], 0)
    body, step, plot_top, height = _columns_frame(labels, x_label, y_label, top, unit, below)
    body += legend
    for colour, points in zip(itertools.cycle(PALETTE), named.values(), strict=False):
        path, pen = [], "M"
        for i, (_, value) in enumerate(points):
            if value is None:
                pen = "M"
                continue
            x, y = LEFT + step * (i + 0.5), plot_top + height * (1 - value / top)
            path.append(f"{pen}{x:.1f} {y:.1f}")
            pen = "L"
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
            if len(named) == 1:
                body.append(_text(x, y - 7, number(value, unit), text_anchor="middle"))
        body.append(f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2"/>')
    desc = "; ".join(
        (f"{name}: " if name else "")
        + ", ".join(f"{label} {number(value, unit)}" for label, value in points)
        for name, points in named.items()
    )
    return _frame(title, desc, int(plot_top + height + 44), body)
