"""Where: the offline gazetteer, mention extraction, geocoding and area geometry."""
