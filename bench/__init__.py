"""Koers's performance budgets (design.md, "Budgets"), measured: `python -m bench`."""
