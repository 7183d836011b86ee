"""One module per dashboard page, as handlers/ has one per feature."""
