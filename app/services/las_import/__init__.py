"""Importing the cohort from the school's student administration (LAS)."""
