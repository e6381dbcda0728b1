"""The desk's CSV downloads of the user's own scope: households, cases, check-ins; each download
is logged with the number of rows it carried."""

from __future__ import annotations

from flask import Response, abort, render_template
from flask_login import current_user, login_required

from gateway import access_log, clock, exports, staff
from gateway.i18n import desk_text
from gateway.transactions import unit_of_work
from gateway.web.desk import add_nav, bp


@bp.get("/export")
@login_required
def export_page():
    """What can be downloaded, and what each file holds."""
    return render_template(
        "desk/export.html", exports=exports.EXPORTS, scope=staff.scope_label(current_user)
    )


@bp.get("/export/<what>.csv")
@login_required
def export_csv(what: str):
    """One CSV file of the user's scope; the download is logged."""
    if what not in exports.EXPORTS:
        abort(404)
    text, count = exports.export(current_user, what)
    with unit_of_work():
        access_log.record(current_user.phone, access_log.EXPORT, f"{what}.csv", count)
    name = f"desmigratif-{what}-{clock.now():%Y%m%d}.csv"
    return Response(
        text,
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


add_nav("desk.export_page", desk_text("nav.export"))
