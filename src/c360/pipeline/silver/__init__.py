"""Silver: typed, clean, conformed sources; every rejected row kept with a reason."""
