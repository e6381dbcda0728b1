"""Inbound SMS: keyword routing and the callbacks' handling."""
