"""The pictures of the course, one module per family: each picture drawn, updated and described."""
