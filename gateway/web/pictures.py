"""The desk's pictures (inline SVG drawn on the server, gateway/charts.py), within the user's
scope: check-ins answered per village and week, cases by category per month, CEK questions per
week and their share not registered, the most-asked unregistered names, the scam waves."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user, login_required

from gateway import charts, pictures, staff
from gateway.i18n import desk_text
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
            desk_text("pictures.answered_per_week"),
            by_week,
            x_label=desk_text("pictures.round_week"),
            y_label=desk_text("pictures.percent_answered"),
            unit="%",
            top=100,
        ),
        charts.bar_chart(
            desk_text("pictures.answered_per_village", weeks=pictures.RECENT_WEEKS),
            by_village,
            x_label=desk_text("pictures.percent_answered_lowest_first"),
            y_label=desk_text("common.village"),
            unit="%",
            top=100,
        ),
        charts.stacked_bar_chart(
            desk_text("pictures.cases_per_month"),
            months,
            by_category,
            x_label=desk_text("pictures.month_opened"),
            y_label=desk_text("cases.title"),
        ),
        charts.stacked_bar_chart(
            desk_text("pictures.cek_per_week"),
            weeks,
            by_result,
            x_label=desk_text("pictures.week"),
            y_label=desk_text("pictures.questions"),
        ),
        charts.line_chart(
            desk_text("pictures.unregistered_share"),
            share,
            x_label=desk_text("pictures.week"),
            y_label=desk_text("pictures.percent_unregistered"),
            unit="%",
            top=100,
        ),
        charts.bar_chart(
            desk_text("pictures.top_unregistered", n=pictures.TOP_NAMES, weeks=pictures.WEEKS),
            pictures.top_unregistered(user),
            x_label=desk_text("pictures.questions"),
            y_label=desk_text("pictures.name_typed"),
        ),
    ]
    return render_template(
        "desk/pictures.html",
        charts=drawn,
        waves=pictures.scam_waves(user),
        scope=staff.scope_label(user),
    )


add_nav("desk.pictures_page", desk_text("nav.pictures"))
