""""I" inside a quotation is its speaker: "“I will not resign,” the minister said" is the minister's resignation.

A quotation runs from a quote mark to the next one (in a paragraph). Its speaker is the subject of the speech verb
of its reporting clause: the one right after it (“…,” he said / “…,” said the minister), else right before it
(the minister said: “…”), else a speech verb the quoted clause hangs from. The first-person singular participants
of the events inside take the speaker's actor (coreference has already resolved "he" to the junta leader), and
their labels name the speaker ("I remind you" -> "Assimi Goita remind"). "We" is left alone: it is the speaker's
side, not the speaker.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from graph.extract.events.event_class import event_class
from graph.extract.events.event_type import speakerless
from graph.extract.model import Argument, Event

FIRST_PERSON = {"i", "me", "my", "myself"}
QUOTE_MARKS = {'"', "“", "”", "«", "»", "``", "''", "„"}
REACH = 4  # tokens between a quote's edge and its speech verb: ", he said", ", said the minister", "he said: "


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """(first, last) token indices of each quotation's quote marks, paired in order within a paragraph (news
    often opens with ” as well as “, so the direction of a mark is not trusted)."""
    out: list[tuple[int, int]] = []
    opened: Optional[int] = None
    for tok in doc:
        if "\n" in tok.text:
            opened = None
        elif tok.text in QUOTE_MARKS:
            if opened is None:
                opened = tok.i
            else:
                out.append((opened, tok.i))
                opened = None
    return out


def _speech_verb(doc: Doc, first: int, last: int) -> Optional[Token]:
    """The speech verb of the quotation's reporting clause (see the module docstring), else None."""
    # (a quotation that ends its sentence, '… the North."', is followed by another sentence, not by its speaker)
    ended = last > 0 and doc[last - 1].text == "."
    after = [] if ended else [t for t in doc[last + 1:min(len(doc), last + 1 + REACH)] if t.text not in QUOTE_MARKS]
    before = list(reversed(doc[max(0, first - REACH):first]))
    for tok in after + before:
        if tok.pos_ == "VERB" and event_class(tok, False) == "reporting":
            return tok
        if tok.text in {".", "?", "!"} or tok.text in QUOTE_MARKS:
            break
    for tok in doc[first + 1:last]:  # the quoted clause parsed as the speech verb's complement
        verb = next((a for a in tok.ancestors if a.i > last or a.i < first), None)
        if verb is not None and verb.pos_ == "VERB" and event_class(verb, False) == "reporting":
            return verb
    return None


def speak_in_first_person(doc: Doc, events: list[Event], at: dict[int, Token],
                          relabel: Callable[[Token, Event, Argument], str]) -> list[Event]:
    """`events` with "I" inside a quotation standing for the quotation's speaker: the participant takes the
    speaker's actor, the label names the speaker (`relabel(trigger, event, speaker's argument)`)."""
    by_tok = {tok.i: ev for ev in events if (tok := at.get(ev.start)) is not None}
    spans = quotations(doc)
    out: list[Event] = []
    for ev in events:
        tok = at.get(ev.start)
        firsts = [a for a in ev.args if a.text.lower() in FIRST_PERSON and a.canonical is None]
        quote = next(((f, la) for f, la in spans if tok is not None and f < tok.i < la), None)
        verb = _speech_verb(doc, *quote) if firsts and quote else None
        speech = by_tok.get(verb.i) if verb is not None else None
        speaker = next((a for a in speech.args if a.role == "agent" and not speakerless(a)
                        and a.text.lower() not in FIRST_PERSON), None) if speech is not None else None
        if speaker is None or tok is None:
            out.append(ev)
            continue
        args = [replace(a, canonical=speaker.canonical) if a in firsts else a for a in ev.args]
        new = replace(ev, args=args)
        new.label = relabel(tok, new, speaker)
        out.append(new)
    return out
