"""Consent, and everything that leaves the school through the one gate."""
