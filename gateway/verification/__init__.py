"""Broker-free placement verification: the registry, the rules, the one-SMS answer."""
