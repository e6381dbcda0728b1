"""Configuration of the gateway: see config.settings."""
