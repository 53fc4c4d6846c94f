"""Import and export formats. Pure functions over models and bytes; the commands do the I/O."""
