"""The conversations area: the student-file tab, the dialog, "Mijn afspraken", planning."""
