"""Events: triggers, CAMEO types, participants and modality (events.find_events)."""
