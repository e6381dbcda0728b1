"""Outbound SMS providers behind one interface (base.py); the one named by SMS_BACKEND."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gateway.providers.africastalking import AfricasTalkingProvider
from gateway.providers.base import Provider
from gateway.providers.console import ConsoleProvider


def from_config(config: Mapping[str, Any]) -> Provider:
    """The provider named by SMS_BACKEND."""
    if config["SMS_BACKEND"] == "africastalking":
        return AfricasTalkingProvider(
            username=config["AT_USERNAME"],
            api_key=config["AT_API_KEY"],
            sender_id=config["AT_SENDER_ID"] or None,
            api_url=config["AT_API_URL"] or None,
        )
    return ConsoleProvider()
