"""The Stages work area and the Stages tab of the student file."""
