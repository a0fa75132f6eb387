"""Koers: outflow, internships and aftercare for VSO and PrO schools."""

__version__ = "0.1.0"
APP_NAME = "Koers"
ORG_NAME = "Koers"
