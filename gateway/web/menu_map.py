"""The menu map for staff and translators: every USSD screen as a tree, in one language or
three side by side, with its septet count and error lines (gateway/flows/menu_map.py)."""

from __future__ import annotations

from flask import render_template, request
from flask_login import login_required

from gateway import gsm7, i18n
from gateway.flows import menu_map
from gateway.i18n import desk_text
from gateway.web.desk import add_nav, bp


@bp.get("/menu-map")
@login_required
def menu_map_page():
    """?lang=id|en|jv; &compare=1 puts the other languages beside it."""
    langs = sorted(i18n.CATALOGS, key=lambda code: code != i18n.DEFAULT)  # id first
    lang = request.args.get("lang", i18n.DEFAULT)
    lang = lang if lang in langs else i18n.DEFAULT
    compare = request.args.get("compare") == "1"
    shown = [lang] + [other for other in langs if other != lang] if compare else [lang]
    return render_template(
        "desk/menu_map.html",
        roots=menu_map.tree(shown),
        langs=langs,
        lang=lang,
        shown=shown,
        compare=compare,
        limit=gsm7.USSD_SCREEN,
        common=menu_map.ENGINE_ERRORS,
        common_lines={
            code: [i18n.text(code, key) for key in menu_map.ENGINE_ERRORS] for code in shown
        },
    )


add_nav("desk.menu_map_page", desk_text("nav.menu_map"))
