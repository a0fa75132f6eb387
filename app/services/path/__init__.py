"""The path out of school: phases, destination, instruments, case lead."""
