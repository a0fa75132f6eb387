"""The fictional demo school, generated per area through the models and services."""
