"""The Profile tab of the student file and the profile items in Beheer."""
