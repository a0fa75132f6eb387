"""The Path tab of the student file: phases, destination, instruments as a timeline."""
