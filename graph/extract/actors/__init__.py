"""Actors: people, organisations, armed groups and states, their names repaired, aliases and coreference resolved (actors.find_entities)."""
