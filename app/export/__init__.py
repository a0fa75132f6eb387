"""Writers for reports and exports: they take plain data, never a database session."""
