"""Gold: the star schema, marts and KPIs, built from silver by pure Ibis functions."""
