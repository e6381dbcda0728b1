"""`flask --app gateway selftest URL` against the gateway served over real HTTP."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from gateway.models import InboundSms


@pytest.fixture
def served(make_app):
    app = make_app(WEBHOOK_TOKEN="s3cret")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # A short poll interval: shutdown() waits for one (0.5 s by default).
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_every_check_passes_against_a_running_gateway(served):
    app, url = served
    result = app.test_cli_runner().invoke(args=["selftest", url, "--token", "s3cret"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == f"{len(lines) - 1} passed, 0 failed"
    assert all(line.startswith("PASS") for line in lines[:-1])
    assert any("delivery AbsentSubscriber" in line for line in lines)
    with app.app_context():
        assert InboundSms.select().count() >= 1  # it really reached the gateway


def test_a_wrong_token_fails_and_says_so(served):
    app, url = served
    result = app.test_cli_runner().invoke(args=["selftest", url, "--token", "wrong"])
    assert result.exit_code == 1
    assert "FAIL  USSD first hop" in result.output and "HTTP 403" in result.output
