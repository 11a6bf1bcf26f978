"""Each chapter's exercise checks and their data, one module per chapter."""
