"""The bottom of Koers: errors, typed values, dates and passwords. No Qt, no database."""
