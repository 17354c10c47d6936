"""Scripts that train the models shipped inside the package (run from the repository root)."""
