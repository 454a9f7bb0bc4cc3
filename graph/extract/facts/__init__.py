"""State facts: what holds for a time (who controls a town, who holds an office, who is in power, which
force is present where), derived from one article's events, entities, places and times, and from its
statements ("the town, which has been controlled by ...", "in rebel hands since 2012").

`find_facts` (facts.py) runs the rules (control.py, control_states.py, power.py, offices.py) over the
parse and the events already found, and merges what they say into `StateFact`s (graph/extract/model.py):
holder, relation, object, start and end (TIMEX3 values with their precision; None where the text gives
no bound), a time it is said to have held, its sentences and events, a confidence. Pure, per article;
closing a fact when a later article names a new holder happens at query time (graph/store/states.py).
"""
