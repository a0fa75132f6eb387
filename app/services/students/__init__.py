"""The students: the cohort list, one student's file, signals and drafts."""
