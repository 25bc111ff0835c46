"""Customer scores, segments and audiences built on the unified profile."""
