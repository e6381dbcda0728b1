"""Every USSD screen per language: how many distinct ones, and the longest (in GSM-7 septets).

    .venv/bin/python bench/screens.py

Renders every page of every screen the way the catalog test does (worst-case names, with and
without each error line), on a throw-away SQLite database (the help line is rule data).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gateway import gsm7  # noqa: E402
from gateway.flows import FLOW  # noqa: E402
from gateway.flows.screens import Branch  # noqa: E402
from tests.test_catalogs import LANGS, all_rendered_screens  # noqa: E402


def main() -> None:
    import tempfile

    from config import settings
    from gateway import create_app
    from gateway.db import migrate
    from gateway.models import db

    app = create_app(settings.load({}, DATABASE_URL=f"sqlite:///{tempfile.mkdtemp()}/s.db"))
    with app.app_context(), db.connection_context():
        migrate()
        report()


def report() -> None:
    """Print the counts and the longest screen per language."""
    shown = [sid for sid, screen in FLOW.screens.items() if not isinstance(screen, Branch)]
    print(f"screen definitions shown to people: {len(shown)}")
    for lang in LANGS:
        rendered = {text: sid for sid, text in all_rendered_screens(lang)}
        plain = {
            text
            for sid, text in all_rendered_screens(lang)
            if not text.startswith(tuple(_errors(lang)))
        }
        longest = max(rendered, key=gsm7.septets)
        print(
            f"{lang}: {len(plain)} distinct screens without an error line, "
            f"{len(rendered)} with; longest {gsm7.septets(longest)} septets "
            f"({rendered[longest]})"
        )


def _errors(lang: str) -> list[str]:
    from gateway import i18n
    from tests.test_catalogs import SCREEN_ERRORS

    return [i18n.text(lang, key) + "\n" for key in SCREEN_ERRORS]


if __name__ == "__main__":
    main()
