"""The school's network of organisations and their contacts."""
