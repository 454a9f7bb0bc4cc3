"""Which time an event gets, from what the text says about *it*.

In order (the first that answers wins; `EventTime.source` says which):

1. ``timex``: a date or time in the event's own clause, found on the dependency path from the trigger: the
   timex the trigger governs ("On Friday, Colombia blamed the ELN for the bombing" dates the blaming, not the
   bombing), the date a "when" clause it heads follows ("since May 2014, when its forces were driven out"), the
   time of a "when/as/while" clause it heads, of the statement noun it reports through ("said in a
   statement on Wednesday"), or of the clause it shares by coordination ("was fired in 1985 and founded NeXT"),
   by aspect ("began on Monday to withdraw") or as the subject of a verb of occurrence ("the attack took place
   on Friday").
2. ``sentence``: a date of the sentence that belongs to no other event and modifies no noun (a headline's date,
   a fragment's); a caption's lifespan ("Steve Jobs 1955-2011") or "until now" dates nothing.
3. ``discourse``: what the tense says against the publication date and the dates of the story: the story's
   day (the first day of the week before publication it names, else the publication day) for its headline's
   present and its lead's present perfect ("Airbus wins order", "has unveiled"; a perfect further on is
   background, some time before, and stays undated); the last such day before it for a
   past event or a report ("raised rates on Wednesday. The governor said ..."), the publication day for the
   lead's past and the story's reporting when none is named; the publication day for what is under way or
   said now ("is seeking", "says"); the last date for a past event placed after it ("later", "then"). A
   statement or intention told in the past (TimeML reporting, i_action, i_state; "accused", "condemned") takes
   only the day of an earlier statement or the lead's own day: "were killed on Saturday. The general vowed ..."
   and "were killed on Saturday, the emergency room said" date the killing, not the speaking, which stays on
   the publication day (reporting) or undated.
4. ``article``: the text does not say; the event carries the publication day only so that date filters still
   reach it, and timelines order it as undated.

The TIMEX3 value is kept at its own precision (a year stays a year, a decade a decade).
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from spacy.tokens import Doc, Span, Token

from graph.extract.events.event_frame import JUDGEMENT, REPORTING, in_report, is_frame, reported_by
from graph.extract.events.event_share import CAUSE, participial, same_time_clause, sharing_head
from graph.extract.events.headline_verbs import headline_participle, headline_verb, is_headline
from graph.extract.model import EventTime, Timex
from graph.extract.text.doc_text import doc_text
from graph.extract.time.timex_ranges import range_value
from graph.extract.time.timex_tense import clause_tense

# "began on Monday to withdraw": the controlled verb is the same happening seen through its phase
ASPECTUAL = {"begin", "start", "continue", "resume", "stop", "cease", "finish", "complete", "keep", "end"}
# "regained a foothold ... until now": the time a state lasts up to is its end, not when it happened
BOUND_WORDS = {"until", "till", "til"}
# "One year later he ... founded NeXT", "then", "afterwards": after the last date the story gave
SEQUENCE_WORDS = {"later", "then", "afterwards", "afterward", "subsequently", "thereafter", "next"}
# values that place nothing on a calendar
VAGUE_VALUES = {"PAST_REF", "FUTURE_REF"}
NOUN_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "nummod", "appos", "quantmod"}



def event_times(doc: Doc, timexes: list[Timex], triggers: dict[int, bool], byline: frozenset[int],
                dct: datetime) -> dict[int, EventTime]:
    """The time of every trigger (token index -> EventTime), read in document order."""
    return _Dater(doc, timexes, set(triggers), byline, dct).run(sorted(triggers))


class _Dater:
    def __init__(self, doc: Doc, timexes: list[Timex], triggers: set[int], byline: frozenset[int], dct: datetime):
        self.doc, self.triggers, self.byline, self.dct = doc, triggers, byline, dct
        self.time_of: dict[int, Timex] = {}  # trigger -> the timex it governs
        self.free: dict[int, list[tuple[int, Timex]]] = {}  # sentence start -> (root token, timex) of no event
        self.anchors: list[tuple[int, Timex]] = []  # (root token, timex) of every usable date, in text order
        self.at: dict[int, Timex] = {}  # root token -> its timex, of every date or time
        self.at_end: dict[int, Timex] = {}  # last token -> its timex, of every date or time
        self.dates_frame: set[int] = set()  # root tokens of the anchors that date a statement or no event at all
        self.began: set[int] = set()  # ids of the timexes after "since": when what holds began
        for tx in timexes:
            self._place(tx)
        self.anchors.sort(key=lambda a: a[0])
        self.lead_start: Optional[int] = None

    # ------------------------------------------------------------ where each timex belongs

    def _place(self, tx: Timex) -> None:
        if tx.type in {"DATE", "TIME"} and tx.begin and tx.value not in VAGUE_VALUES:
            named = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if named is not None:  # a "when" clause on it has its time, even where it dates nothing else
                self.at[named.root.i] = tx  # ("an improvement from 2008, when the company posted a loss")
                self.at_end[named[-1].i] = tx  # (and where the parser hung that clause on the verb: _when_date)
        span = self._dating_span(tx)
        if span is None:
            return
        root = span.root
        self.anchors.append((root.i, tx))
        gov = _governor(root, self.triggers)
        if gov is None and not _modifies_noun(root) and not in_report(root) or gov is not None and is_frame(gov):
            self.dates_frame.add(root.i)
        if gov is not None and _since_before(span, gov):
            return
        if gov is not None and _since(span):
            self.began.add(id(tx))  # it holds since then: its begin, with an open end (a state still holding)
        if gov is not None:
            held = self.time_of.get(gov.i)
            if held is None or held.value == "PRESENT_REF" and tx.value != "PRESENT_REF":
                self.time_of[gov.i] = tx  # "will now receive the aircraft next month": the month, not "now"
        elif not _modifies_noun(root):
            self.free.setdefault(root.sent.start, []).append((root.i, tx))

    def _dating_span(self, tx: Timex) -> Optional[Span]:
        """The timex's tokens, if it can date an event at all."""
        is_range = range_value(tx) is not None  # "between 2012 and 2014" dates the whole stretch
        if tx.type not in {"DATE", "TIME"} and not is_range or not tx.begin or tx.value in VAGUE_VALUES:
            return None
        span = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or span.root.i in self.byline or _bounds_an_end(span) or _compared(span) or _date_line(span):
            return None
        if span.root.dep_ in {"amod", "compound", "poss", "nmod"}:
            return None  # "last year's profit", "the 2008 revenue": a modifier of a thing, not when something happened
        if span.end < len(self.doc) and self.doc[span.end].text == "-" and not span[-1].whitespace_:
            return None  # "the 2008-built plane"
        return span

    # ------------------------------------------------------------ the four sources

    def run(self, order: list[int]) -> dict[int, EventTime]:
        self.memo: dict[int, EventTime] = {}
        self.busy: set[int] = set()  # triggers whose time is being worked out
        return {i: self.time(self.doc[i]) for i in order}

    def time(self, trig: Token) -> EventTime:
        if trig.i not in self.memo:
            if trig.i in self.busy:  # a loop of shared times (a misparse): this one says nothing of its own
                return self._article()
            self.busy.add(trig.i)
            self.memo[trig.i] = self._time(trig)
            self.busy.discard(trig.i)
        return self.memo[trig.i]

    def _time(self, trig: Token) -> EventTime:
        tx = self._own(trig)
        if tx is not None and id(tx) in self.began:  # "since October 2023": began then, holds on (no end)
            return EventTime(range_value(tx) or tx.value, tx.begin, None, "timex")
        if tx is not None:
            return _from(tx, "timex")
        head = sharing_head(trig, self.triggers)
        if head is not None:
            shared = self.time(head)
            # "Boeing challenged the award ..., claiming the evaluation was skewed": an adjunct shares the date its
            # head states, not one the head borrowed from another clause ("When the Air Force selected ...")
            borrowed = shared.source == "timex" and head.i not in self.time_of
            # "had paid its drivers since 2015 and stopped": a state began then, the past conjunct did not happen then
            # ("has lived and worked there since 2010" shares it: the participle goes with the same "has")
            began = id(self.time_of.get(head.i)) in self.began and trig.tag_ == "VBD"
            if shared.source != "article" and not (borrowed and participial(trig)) and not began:
                return shared
        tx = self._sentence(trig)
        if tx is not None:
            return _from(tx, "sentence")
        return self._discourse(trig) or self._article()

    def _own(self, trig: Token) -> Optional[Timex]:
        head = trig.head
        if trig.pos_ == "NOUN" and trig.dep_ == "nsubj" and head.lemma_ == "be" and head.i in self.time_of:
            return self.time_of[head.i]  # "The first flight of the 777 was in 1994": the copula says when it was
        if trig.pos_ == "NOUN" and trig.dep_ in {"nsubj", "nsubjpass"} and head.i in self.time_of and \
                head.lemma_.lower() not in REPORTING | JUDGEMENT | CAUSE:
            return self.time_of[head.i]  # "sales dropped 42% last month", "the test flight was delayed today"
        if trig.dep_ == "relcl" and head.i in self.at and any(
                c.dep_ == "advmod" and c.lower_ == "when" for c in trig.children):
            return self.at[head.i]  # "an improvement from 2008, when the company posted a loss"
        when = self._when_date(trig)
        if when is not None:
            return when
        return self.time_of.get(trig.i) or self._clause_time(trig)

    def _when_date(self, trig: Token) -> Optional[Timex]:
        """The date a "when" clause follows ("since May 2014, when its forces were driven out"): a relative clause on
        that date, however the parser attached it (often as an adverbial clause of the main verb, whose time is
        another). Only a lower-case "when" (not a sentence after a caption: "... in the 1990s When the Bolsheviks
        sought"); not "where": "moved to Lisbon in 2010, where she opened a bakery" is about the place; not "after
        which": "2014, after which" is some time after the date, not on it."""
        opener = trig.doc[trig.left_edge.i]
        if opener.text != "when" or opener.head.i != trig.i or opener.dep_ != "advmod" or opener.i == 0:
            return None
        before = trig.doc[opener.i - 1]
        if before.text == "," and before.i > 0:
            before = trig.doc[before.i - 1]
        return self.at_end.get(before.i)

    def _clause_time(self, tok: Token) -> Optional[Timex]:
        """A "when/as/while" clause the token heads, the event noun that is its object, or the statement noun it
        reports through ("said in a statement on Wednesday")."""
        for c in tok.children:
            if c.dep_ == "advcl" and c.i in self.time_of and same_time_clause(c):
                return self.time_of[c.i]
            if c.dep_ == "dobj" and c.i in self.time_of and c.pos_ == "NOUN" and tok.pos_ in {"VERB", "AUX"}:
                return self.time_of[c.i]  # "suffered defeats between 2012 and 2014", "made its first flight on Monday"
            if c.dep_ == "prep" and tok.pos_ in {"VERB", "AUX"}:
                for obj in c.children:
                    if obj.dep_ == "pobj" and obj.i in self.time_of and obj.pos_ == "NOUN":
                        return self.time_of[obj.i]
        return None

    def _sentence(self, trig: Token) -> Optional[Timex]:
        free = self.free.get(trig.sent.start)
        if free and is_frame(trig):  # "were injured ... on Sunday, the fire brigade said": Sunday is the injuries'
            free = [rt for rt in free if not reported_by(self.doc[rt[0]], trig)]
        if not free:
            return None
        return min(free, key=lambda rt: abs(rt[0] - trig.i))[1]

    def _discourse(self, trig: Token) -> Optional[EventTime]:
        tense, speech = clause_tense(trig), trig.lemma_.lower() in REPORTING
        if tense is None and headline_participle(trig):
            tense = "participle"
        elif tense is None and headline_verb(trig):
            tense = "present"  # "GM posts first annual loss": parsed as a noun, the headline's present
        if tense == "past":
            if _sequenced(trig):  # "later", "then": after the last date of the story
                last = self._last_before(trig)
                return EventTime(last.value, last.begin, None, "discourse") if last is not None else None
            # "Shares fell", "GM said": the day the story's news happened ("raised rates on Wednesday ... The
            # governor said"); the story's own reporting without one is the publication day
            day = self._frame_day(trig) if is_frame(trig) else self._news_day(trig) or self._story_day()
            if day is not None:
                return _from(day, "discourse")
            # the headline's and the lead's news and the story's reporting are of its day; a later past may be any
            # time before
            news = speech or is_headline(trig.sent) or self._undated_lead(trig.sent)
            return self._article("discourse") if news else None
        if tense == "perfect" and not (is_headline(trig.sent) or self._lead(trig.sent)):
            return None  # past the lead, "has received $15 billion" is background: some time before, not the news
        if tense == "perfect" or tense in {"present", "participle"} and is_headline(trig.sent):
            # the lead's "has won an order", a headline's "Airbus wins order": the news of the story's day
            day = self._story_day()
            return _from(day, "discourse") if day is not None else self._article("discourse")
        if tense == "progressive" or tense == "present" and speech:
            # "is seeking buyers", "says": as the story is written; not a state that holds whenever ("Airbus is
            # owned by EADS", "the plane carries 500")
            return self._article("discourse")
        return None

    def _recent(self, tx: Timex) -> bool:
        """A day of the week before publication: the news of the story, not "on March 26, 1996"."""
        return bool(tx.begin) and len(tx.value) >= 10 and tx.value[:4].isdigit() and \
            0 <= (self.dct.date() - date.fromisoformat(tx.begin[:10])).days <= 7

    def _lead(self, sent: Span) -> bool:
        """The story's first full sentence (after its headline and date line): what it says is the news."""
        if self.lead_start is None:
            full = (s for s in self.doc.sents if s.text.rstrip().endswith((".", "!", "?", '"', "”")))
            self.lead_start = next((s.start for s in full), -1)
        return sent.start == self.lead_start

    def _undated_lead(self, sent: Span) -> bool:
        """The lead, when it names no date (one that dates none of its events still places them: "After the army
        left on October 31, the rebels seized it")."""
        return self._lead(sent) and not any(sent.start <= i < sent.end for i, _ in self.anchors)

    def _news_day(self, trig: Token) -> Optional[Timex]:
        """The last recent day named before the trigger."""
        before = [tx for i, tx in self.anchors if i < trig.i and self._recent(tx)]
        return before[-1] if before else None

    def _frame_day(self, trig: Token) -> Optional[Timex]:
        """The day of a statement or intention told in the past: the last recent day named before it for another
        statement ("residents said on Monday ... The general vowed"), else the lead's day ("raised rates on Wednesday.
        The governor said"). Not the day of an event told after the lead ("were killed on Saturday. The general
        vowed ...") nor of the clause it reports ("were killed on Saturday, the emergency room said"): that is
        when the killing happened, not when anyone spoke of it."""
        before = [tx for i, tx in self.anchors if i < trig.i and i in self.dates_frame and self._recent(tx)]
        if before:
            return before[-1]
        first = next(((i, tx) for i, tx in self.anchors if self._recent(tx)), None)
        if first is None or first[0] >= trig.sent.start:
            return None
        tok = self.doc[first[0]]  # the lead's own news, not what a source it quotes says happened then
        return first[1] if (is_headline(tok.sent) or self._lead(tok.sent)) and not in_report(tok) else None

    def _story_day(self) -> Optional[Timex]:
        """The first recent day the story names: the day its news happened ("Boeing unveiled ... on Sunday")."""
        return next((tx for _, tx in self.anchors if self._recent(tx)), None)

    def _last_before(self, trig: Token) -> Optional[Timex]:
        before = [tx for i, tx in self.anchors if i < trig.sent.start]
        return before[-1] if before else None

    def _article(self, source: str = "article") -> EventTime:
        day = self.dct.date().isoformat()
        return EventTime(day, f"{day}T00:00:00", f"{day}T23:59:59", source)


def _from(tx: Timex, source: str) -> EventTime:
    return EventTime(range_value(tx) or tx.value, tx.begin, tx.end_value, source)


def _bounds_an_end(span: Span) -> bool:
    """ "until now", "till Friday": the timex is where a state or a wait ends."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in BOUND_WORDS


def _governor(root: Token, triggers: set[int]) -> Optional[Token]:
    """The event a timex belongs to: the nearest trigger above it, unless a noun that is no event comes first
    ("its first annual loss since 1992" dates the loss, "the plant's 1960s design" nothing). A "when"
    preposition the parser hung on the verb's object ("re-entered the stock market in November 2010") is not
    passed through: the clause that did so compared spaCy Tokens with `is` and never fired, and making it fire
    moved 16 meantime-dev and 3 wikievents-dev event dates and took the dev TimeLine gm F1 from 0.341 to 0.338
    (session 9), so it was removed rather than turned on."""
    for anc in root.ancestors:
        if anc.i in triggers:
            return anc
        if anc.pos_ in {"NOUN", "PROPN", "PRON"} and anc.dep_ != "npadvmod":
            return None
    return None


def _since_before(span: Span, gov: Token) -> bool:
    """ "posted its first loss since 1992", "its lowest close since March 2003": the last one came then, not this
    one; a perfect or a state is dated by its "since" ("has been striking since January")."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "since":
        return False
    between = doc[min(gov.i, span.start):max(gov.i, span.start)]
    return gov.pos_ == "NOUN" or clause_tense(gov) == "past" or any(
        t.tag_ in {"JJS", "RBS"} and not _partitive(t) or t.lower_ in {"first", "only"} for t in between)


def _partitive(tok: Token) -> bool:
    """ "most of Darfur", "most of the north": a quantity of something, not a superlative of a record ("the most
    since 2008", "its lowest close since")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _since(span: Span) -> bool:
    """ "has controlled Darfur since October 2023": the time a state or a perfect began, not when it happened."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "since"


def _date_line(span: Span) -> bool:
    """A date alone on its line under the headline ("July 09, 2007"): when the story was filed, not a time of it."""
    text = doc_text(span.doc)  # Doc.text rejoins every token at each read
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:end if end >= 0 else len(text)]
    return line.strip(" \t.,-—") == span.text.strip()


def _compared(span: Span) -> bool:
    """ "a 32% drop from a year earlier", "up from 14% a year ago", "higher than last year": the base a figure is
    compared with, not when anything happened."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is None:
        return False
    if prev.lower_ == "than":
        return True
    return prev.lower_ == "from" and prev.head.pos_ in {"NOUN", "ADV", "ADJ", "NUM"}


def _modifies_noun(root: Token) -> bool:
    """A date hanging off a noun ("Steve Jobs 1955-2011", "cars of tomorrow") qualifies that noun."""
    if root.dep_ in NOUN_MODIFIER_DEPS:
        return True
    tok = root
    while tok.dep_ in {"pobj", "prep"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.i != root.i and tok.pos_ in {"NOUN", "PROPN", "PRON"} or \
        tok.dep_ not in {"ROOT", "npadvmod", "advmod", "prep"} and tok.head.pos_ in {"NOUN", "PROPN"}


def _sequenced(trig: Token) -> bool:
    """ "later", "then", "afterwards" in the trigger's own clause."""
    for c in trig.children:
        if c.lower_ in SEQUENCE_WORDS and c.dep_ in {"advmod", "npadvmod", "prep"}:
            return True
        if c.dep_ == "advmod" and any(g.lower_ in SEQUENCE_WORDS for g in c.children):
            return True
    return False
