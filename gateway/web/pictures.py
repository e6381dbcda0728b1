"""The desk's pictures (inline SVG drawn on the server, gateway/charts.py), within the user's
scope: check-ins answered per village and week, cases by category per month, CEK questions per
week and their share not registered, the most-asked unregistered names, the scam waves."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user, login_required

from gateway import charts, pictures, staff
from gateway.web.desk import add_nav, bp


@bp.get("/pictures")
@login_required
def pictures_page():
    """Every picture of the user's scope on one page (no script, a few kilobytes each)."""
    user = current_user
    months, by_category = pictures.alerts_by_month(user)
    weeks, by_result, share = pictures.cek_by_week(user)
    by_week, by_village = pictures.checkin_response(user)
    drawn = [
        charts.line_chart(
            "Kabar anak yang dijawab, per minggu",
            by_week,
            x_label="Minggu putaran dimulai (Senin)",
            y_label="% dijawab",
            unit="%",
            top=100,
        ),
        charts.bar_chart(
            f"Kabar anak yang dijawab per desa, {pictures.RECENT_WEEKS} minggu terakhir",
            by_village,
            x_label="% dijawab (terendah di atas)",
            y_label="Desa",
            unit="%",
            top=100,
        ),
        charts.stacked_bar_chart(
            "Kasus per bulan, menurut kategori",
            months,
            by_category,
            x_label="Bulan kasus dibuka",
            y_label="Kasus",
        ),
        charts.stacked_bar_chart(
            "Pertanyaan CEK per minggu, menurut jawaban",
            weeks,
            by_result,
            x_label="Minggu (Senin)",
            y_label="Pertanyaan",
        ),
        charts.line_chart(
            "Bagian pertanyaan CEK yang tidak terdaftar",
            share,
            x_label="Minggu (Senin)",
            y_label="% tidak terdaftar",
            unit="%",
            top=100,
        ),
        charts.bar_chart(
            f"{pictures.TOP_NAMES} nama tak terdaftar yang paling sering ditanya "
            f"({pictures.WEEKS} minggu)",
            pictures.top_unregistered(user),
            x_label="Pertanyaan",
            y_label="Nama seperti diketik",
        ),
    ]
    return render_template(
        "desk/pictures.html",
        charts=drawn,
        waves=pictures.scam_waves(user),
        scope=staff.scope_label(user),
    )


add_nav("desk.pictures_page", "Gambar")
