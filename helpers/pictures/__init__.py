"""The pictures of the course, one module per family."""
