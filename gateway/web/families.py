"""The desk's family pages: households and children in scope (searched by name or phone), a
household's page (logged), a child's check-in history (logged), the check-ins of each round."""

from __future__ import annotations

from flask import render_template, request
from flask_login import current_user, login_required

from gateway import access_log, families, i18n, staff
from gateway.i18n import desk_text
from gateway.transactions import unit_of_work
from gateway.web.desk import add_nav, bp, in_scope_or_abort

PAGE_SIZE = 50  # rows a page: a village laptop on a slow line gets each page in a breath
HISTORY_ON_HOUSEHOLD = 6  # the latest check-ins of each child on the household's page


@bp.app_template_filter("role")
def role_words(role: str) -> str:
    """A person's role in the desk's words (pengasuh anak, PMI, calon PMI)."""
    return i18n.text(families.LANG, f"role.{role}")


def page_of(rows: list, size: int = PAGE_SIZE) -> tuple[list, int, int]:
    """The rows of the page asked for (?page=N, from 1), that page's number and how many."""
    pages = max(1, -(-len(rows) // size))
    number = min(max(request.args.get("page", 1, type=int), 1), pages)
    return rows[(number - 1) * size : number * size], number, pages


@bp.get("/families")
@login_required
def families_list():
    """The households in scope; ?q= a name (caregiver, child, parent) or a phone number."""
    search = request.args.get("q", "").strip()[:60]
    found = families.households(current_user, search)
    shown, number, pages = page_of(found)
    with unit_of_work():  # names and phones on a page: a read of personal data
        what = (
            desk_text("families.logged_search")
            if search
            else desk_text("families.logged_page", n=number)
        )
        access_log.record(current_user.phone, access_log.FAMILIES, what, len(shown))
    return render_template(
        "desk/families.html",
        households=shown,
        total=len(found),
        children=sum(len(h.children) for h in found),
        search=search,
        page=number,
        pages=pages,
        scope=staff.scope_label(current_user),
    )


def _opened(found: tuple, kind: str, subject: int):
    """The household or child asked for, if in scope (else a 404 or 403 page), its view written
    to the access log."""
    row = in_scope_or_abort(*found)
    with unit_of_work():
        access_log.record(current_user.phone, kind, subject)
    return row


@bp.get("/families/<id:person_id>")
@login_required
def household_page(person_id: int):
    """A household: its people, its children and their latest check-ins; the view is logged."""
    household = _opened(
        families.household(current_user, person_id), access_log.HOUSEHOLD, person_id
    )
    return render_template(
        "desk/household.html",
        household=household,
        others=families.others_on_phone(current_user, household.caregiver),
        consents=families.consents(household.caregiver),
        histories={c.id: families.history(c, HISTORY_ON_HOUSEHOLD) for c in household.children},
        shown=HISTORY_ON_HOUSEHOLD,
    )


@bp.get("/children/<id:child_id>")
@login_required
def child_page(child_id: int):
    """A child's whole check-in history and the cases about them; the view is logged."""
    child = _opened(families.child(current_user, child_id), access_log.CHILD, child_id)
    return render_template(
        "desk/child.html",
        child=child,
        history=families.history(child),
        cases=families.cases_about(child),
    )


@bp.get("/rounds")
@login_required
def rounds():
    """Per check-in round and village: the check-ins due, answered, missed and still open."""
    rows, number, pages = page_of(families.round_counts(current_user), size=100)
    return render_template(
        "desk/rounds.html",
        rows=rows,
        page=number,
        pages=pages,
        scope=staff.scope_label(current_user),
    )


add_nav("desk.families_list", desk_text("nav.families"))
add_nav("desk.rounds", desk_text("nav.rounds"))
