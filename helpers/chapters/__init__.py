"""One module per chapter, named after its notebook: that chapter's exercise checks and their data."""
