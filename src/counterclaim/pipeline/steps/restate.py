"""Step 6, restate: every statement is made to stand alone, by code where it can and by the model where
it cannot.

Code puts the article's words back where the model slipped into another writing system, closes
up initials the model spaced ("U. S." -> "U.S.", as the article writes them), gives a speaker reported
in a closing clause ("..., a day after Moscow said it was withdrawing") that clause's point where the
statement holds the main clause (another speaker's), cuts a statement holding other speakers'
semicolon clauses to its actor's own, and removes an attribution frame of the actor's own ("NATO
said Russia is ..." -> "Russia is ...", `rules.statements`); a narrated "He ..." after a sentence
opening with the actor's name names the actor. A statement that still opens with a pronoun or
keeps a frame code cannot remove ("I believe ...", "The president says ...") is restated by the
model: one bounded request per batch,
grouped by the chunk holding the statement's sentences, the article first (so servers reuse the prefix).
A frame the model writes back ("Hale said her party ...") is removed by code as before; code then keeps
the restatement only when `restatement_problem` finds nothing wrong with it (an answer the model wrote
under another item of the same request may be read for the one item it restates, `_settle`);
otherwise the statement stays as it was, and the trace says why. Last, a point code cut from its
frame that still opens with the frame's pronoun ("He will not approve ...") gets its frame back
("President Trump says he will not approve ..."), and a statement that is only a frame ("Biden warned
that") its sentences. English statements only.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace

from counterclaim.language import english
from counterclaim.models import ActorKind, DecisionAction
from counterclaim.pipeline.proposals import Proposal
from counterclaim.pipeline.requests import Request, ask_all, messages_for
from counterclaim.pipeline.rules.actor_names import ActorRegistry, initials_as_in_article, short_names
from counterclaim.pipeline.rules.frame_removal import without_frame
from counterclaim.pipeline.rules.pronoun_naming import (
    frame_pronoun_named,
    quoted_subject_named,
    subject_before_named,
)
from counterclaim.pipeline.rules.statements import (
    ANSWER_OF_ANOTHER_ITEM,
    ARTICLE_SCRIPT,
    ARTICLE_SPELLING,
    ATTRIBUTION_FRAME,
    FIRST_PERSON,
    FRAME_KEPT,
    FRAME_ONLY,
    FRAME_PRONOUN,
    OWN_CLAUSE,
    QUOTED_SUBJECT,
    RESTATED,
    RESTATEMENT_REFUSED,
    SIDE_REPORT_POINT,
    SPEAKER_DESCRIBED,
    SUBJECT_BEFORE,
    described_speaker,
    frame_names_actor,
    is_frame_only,
    opens_with_a_pronoun,
    own_clause,
    restatement_problem,
    side_report_point,
    speaker_opening,
    standalone_problem,
    without_item_note,
)
from counterclaim.pipeline.schemas import restatements_model
from counterclaim.pipeline.state import AnalysisState
from counterclaim.pipeline.trace import Rule
from counterclaim.text.chunking import Chunk, batches_by_chunk
from counterclaim.text.language import looks_foreign
from counterclaim.text.quotations import quotation_opened_at
from counterclaim.text.scripts import scripts_of, with_article_words
from counterclaim.text.third_person import in_third_person, opens_in_first_person

NAME = "restate"
TEMPLATE = "restate.j2"
ITEMS_PER_CALL = 6
MAX_STATEMENT_CHARS = 300
"""Longer statements are not restated: with names for its pronouns a restatement grows, and one cut
off at the schema's length limit (`schemas.MAX_RESTATEMENT_CHARS`) would read as whole."""
CONTEXT_BEFORE = 3
"""Sentences before a statement's own that its restatement may take names from (what its pronouns
stand for)."""
_CHARS_PER_TOKEN = 3
_TOKENS_EACH = 24
"""Beyond the restatement's own length: its key and quoting in the JSON answer."""


@dataclass(frozen=True)
class _Item:
    index: int
    """The statement's position in `state.statements`."""
    proposal: Proposal
    opening: str | None
    """The speaker's name its restatement must begin with (a first-person statement), else None."""


@dataclass(frozen=True)
class _ActorNames:
    """What this step reads of the actor list, read once (the step adds no actor): every name each
    actor goes by, and its shortest proper name (`short_names`), by actor id."""

    registry: ActorRegistry
    forms: dict[str, list[str]]
    shortest: dict[str, str]
    persons: frozenset[str]

    @classmethod
    def of(cls, state: AnalysisState) -> _ActorNames:
        actors = state.registry.actors()
        forms = {actor.id: [actor.name, *actor.aliases] for actor in actors}
        persons = frozenset(actor.id for actor in actors if actor.kind is ActorKind.PERSON)
        return cls(state.registry, forms, short_names(actors), persons)

    def _id(self, name: str) -> str | None:
        try:
            return self.registry.id_of(name)
        except KeyError:
            return None

    def every(self, name: str) -> list[str]:
        """The name a statement's actor was given, then every other name it goes by (its English name
        for a translated article: "The General of the National Police says" frames "Comandante
        Geral")."""
        actor_id = self._id(name)
        return [name] if actor_id is None else [name, *self.forms[actor_id]]

    def is_person(self, name: str) -> bool:
        """Whether the actor of this name is a person (a name no actor goes by may be one)."""
        actor_id = self._id(name)
        return actor_id is None or actor_id in self.persons

    def of_others(self, name: str) -> list[str]:
        """Every name the other actors go by."""
        actor_id = self._id(name)
        return [form for other, forms in self.forms.items() if other != actor_id for form in forms]

    def other_persons(self, name: str) -> list[list[str]]:
        """Every other person actor's names, its shortest proper name first."""
        actor_id = self._id(name)
        return [
            [self.shortest[other], *forms]
            for other, forms in self.forms.items()
            if other != actor_id and other in self.persons
        ]

    def short(self, name: str) -> str:
        """The actor's shortest proper name: "Chuck Schumer" for "The Senate Minority Leader, Chuck
        Schumer"; the name as given for a name no actor goes by."""
        actor_id = self._id(name)
        return name if actor_id is None else self.shortest[actor_id]


def _article_words_restored(state: AnalysisState) -> None:
    """Statements with the article's words where the model slipped into another writing system."""
    article_scripts = scripts_of(state.article.sanitized.clean)
    for index, item in enumerate(state.statements):
        restored = with_article_words(item.statement, _sentences(state, item.sentences), article_scripts)
        if restored is not None:
            reason = f"{item.statement!r} is written {restored!r}, with the words of its sentences"
            state.trace.record_about(ARTICLE_SCRIPT, DecisionAction.RELABELED, reason, item)
            state.statements[index] = replace(item, statement=restored)


def _initials_closed_up(state: AnalysisState) -> None:
    """Statements with the article's initials ("U.S." where the model wrote "U. S.")."""
    for index, item in enumerate(state.statements):
        spelled = initials_as_in_article(item.statement, state.article.sanitized.clean)
        if spelled != item.statement:
            reason = f"{item.statement!r} is written {spelled!r}, as in the article"
            state.trace.record_about(ARTICLE_SPELLING, DecisionAction.RELABELED, reason, item)
            state.statements[index] = replace(item, statement=spelled)


def _side_report_points(state: AnalysisState, names: _ActorNames) -> None:
    """Statements of a second speaker reported at the end of their sentence that hold the main clause,
    given that speaker's own point (`rules.statements.SIDE_REPORT_POINT`)."""
    for index, item in enumerate(state.statements):
        if len(item.sentences) != 1 or looks_foreign(item.statement):
            continue
        point = side_report_point(item.statement, _sentences(state, item.sentences), names.every(item.actor))
        if point is None:
            continue
        reason = f"{item.statement!r} holds another speaker's clause; its own point: {point!r}"
        state.trace.record_about(SIDE_REPORT_POINT, DecisionAction.RELABELED, reason, item)
        state.statements[index] = replace(item, statement=point)


def _own_clauses(state: AnalysisState, names: _ActorNames) -> None:
    """Statements holding their whole sentence of clauses each reporting its own speaker, cut to their
    actor's clause (`rules.statements.OWN_CLAUSE`)."""
    for index, item in enumerate(state.statements):
        if len(item.sentences) != 1 or looks_foreign(item.statement):
            continue
        clause = own_clause(item.statement, _sentences(state, item.sentences), names.every(item.actor))
        if clause is None or clause == item.statement:
            continue
        reason = f"{item.statement!r} holds other speakers' clauses; its actor's own: {clause!r}"
        state.trace.record_about(OWN_CLAUSE, DecisionAction.RELABELED, reason, item)
        state.statements[index] = replace(item, statement=clause)


def _without_frames(state: AnalysisState, names: _ActorNames) -> dict[int, tuple[str, str]]:
    """Statements without the attribution frame of their own actor they were written with, and a news
    agency's credit around it ("X said A, Reuters reported." -> "A"). Returned: by position, the framed
    statement and its point, for each point that opens with a pronoun (`_frames_kept`)."""
    framed: dict[int, tuple[str, str]] = {}
    for index, item in enumerate(state.statements):
        if looks_foreign(item.statement):
            continue
        points = (without_frame(item.statement, name) for name in names.every(item.actor))
        point = next(filter(None, points), None)
        rule, described = ATTRIBUTION_FRAME, ""
        if point is None and (description := _description_of_speaker(state, item, names)) is not None:
            point = without_frame(item.statement, description)
            rule = SPEAKER_DESCRIBED
            described = f" ({description!r} is {item.actor!r}, the speaker of the sentence before)"
        if point is None:
            continue
        point = without_frame(point, item.actor, agency_credit_only=True) or point
        state.trace.record_about(
            rule,
            DecisionAction.RELABELED,
            f"{item.statement!r} keeps its point: {point!r}{described}",
            item,
        )
        state.statements[index] = replace(item, statement=point)
        if opens_with_a_pronoun(point) and frame_names_actor(item.statement, names.every(item.actor)):
            framed[index] = (item.statement, point)
    return framed


def _description_of_speaker(state: AnalysisState, item: Proposal, names: _ActorNames) -> str | None:
    """The description the statement's own sentence gives its actor, named the sentence before ("The
    Aviation Herald reported ... The industry publication stated ..."), or None
    (`rules.statements.described_speaker`)."""
    if len(item.sentences) != 1 or item.sentences[0] < 2:
        return None
    number = item.sentences[0]
    sentence, previous = _sentences(state, [number]), _sentences(state, [number - 1])
    return described_speaker(item.statement, sentence, previous, names.every(item.actor))


def _frames_kept(state: AnalysisState, framed: dict[int, tuple[str, str]]) -> None:
    """Statements given back their frame naming the actor where its point still opens with a pronoun
    (`rules.statements.FRAME_KEPT`)."""
    for index, (statement, point) in framed.items():
        item = state.statements[index]
        if item.statement != point:
            continue
        reason = f"{point!r} does not say who its opening pronoun is: kept as {statement!r}"
        state.trace.record_about(FRAME_KEPT, DecisionAction.RELABELED, reason, item)
        state.statements[index] = replace(item, statement=statement)


def _frames_only_given_their_sentences(state: AnalysisState) -> None:
    """Statements that are only a frame ("Biden warned that"), with no point a restatement could give,
    replaced by their sentences (`rules.statements.FRAME_ONLY`)."""
    for index, item in enumerate(state.statements):
        if not is_frame_only(item.statement):
            continue
        sentences = _sentences(state, item.sentences)
        reason = f"{item.statement!r} is only a frame: its sentences stand in its place"
        state.trace.record_about(FRAME_ONLY, DecisionAction.RELABELED, reason, item)
        state.statements[index] = replace(item, statement=sentences)


def _in_third_person(state: AnalysisState, names: _ActorNames) -> None:
    """First-person statements code can put in the third person (`rules.statements.FIRST_PERSON`)."""
    for index, item in enumerate(state.statements):
        if not opens_in_first_person(item.statement) or looks_foreign(item.statement):
            continue
        name = names.short(item.actor)
        rewritten = in_third_person(item.statement, name) if _names_one(name) else None
        if rewritten is None or standalone_problem(rewritten) is not None:
            continue  # "We have said that ..." -> "Ouellet has said that ...": still a frame
        reason = f"{item.statement!r} in the third person: {rewritten!r}"
        state.trace.record_about(FIRST_PERSON, DecisionAction.RELABELED, reason, item)
        state.statements[index] = replace(item, statement=rewritten)


def _frame_pronouns_named(state: AnalysisState, names: _ActorNames) -> None:
    """Statements whose opening pronoun can only be the speaker of their sentence's frame, with the actor
    named there (`rules.statements.FRAME_PRONOUN`)."""
    for index, item in enumerate(state.statements):
        if looks_foreign(item.statement) or standalone_problem(item.statement) is None:
            continue
        sentence = _sentences(state, item.sentences[:1])
        person = names.is_person(item.actor)
        named = frame_pronoun_named(
            item.statement, sentence, names.every(item.actor), names.short(item.actor), person=person
        )
        _named_if_standing(state, index, named, FRAME_PRONOUN, "names the speaker of its sentence's frame")


def _subjects_named(state: AnalysisState, names: _ActorNames) -> None:
    """Statements of a person opening with he or she that narrate their sentence, with the actor named
    where the sentence before opens with that actor's name (`rules.statements.SUBJECT_BEFORE`)."""
    for index, item in enumerate(state.statements):
        first = item.sentences[0]
        if first < 2 or looks_foreign(item.statement) or not names.is_person(item.actor):
            continue
        named = subject_before_named(
            item.statement,
            _sentences(state, [first]),
            _sentences(state, [first - 1]),
            names.every(item.actor),
            names.short(item.actor),
            names.of_others(item.actor),
        )
        _named_if_standing(state, index, named, SUBJECT_BEFORE, "names the subject of the sentence before")


def _quoted_subjects_named(state: AnalysisState, names: _ActorNames) -> None:
    """Statements opening with he, his, she or her inside a quotation that runs on, with the one person
    actor the quotation named before them (`rules.statements.QUOTED_SUBJECT`)."""
    text = state.article.sanitized.clean
    for index, item in enumerate(state.statements):
        sentence = state.article.sentence(item.sentences[0])
        opened = quotation_opened_at(text, sentence.start)
        if opened is None or looks_foreign(item.statement):
            continue
        named = quoted_subject_named(
            item.statement,
            sentence.text,
            text[opened : sentence.start],
            names.other_persons(item.actor),
            names.every(item.actor),
        )
        _named_if_standing(state, index, named, QUOTED_SUBJECT, "names the person its quotation named before")


def _named_if_standing(state: AnalysisState, index: int, named: str | None, rule: Rule, how: str) -> None:
    """The statement at `index` replaced by `named`, the same with its opening pronoun named by `rule`,
    when it then stands alone; with a trace entry saying `how` it was named."""
    if named is None or standalone_problem(named) is not None:
        return
    item = state.statements[index]
    state.trace.record_about(rule, DecisionAction.RELABELED, f"{item.statement!r} {how}: {named!r}", item)
    state.statements[index] = replace(item, statement=named)


def _names_one(name: str) -> bool:
    """A proper name standing for one actor ("Trump", "NATO", "The United States"), not a lower-case
    description ("officials") that would take a plural verb."""
    words = name.split()
    return bool(words) and all(word[:1].isupper() for word in words if word not in english.NAME_CONNECTORS)


def _to_restate(state: AnalysisState, names: _ActorNames) -> list[_Item]:
    return [
        _Item(index, item, speaker_opening(item.statement, names.short(item.actor)))
        for index, item in enumerate(state.statements)
        if standalone_problem(item.statement) is not None
        and not looks_foreign(item.statement)
        and len(item.statement) <= MAX_STATEMENT_CHARS
    ]


def batches(chunks: list[Chunk], items: list[_Item]) -> list[tuple[Chunk | None, list[_Item]]]:
    """The statements grouped by the first chunk holding their first sentence, a few per request."""
    grouped = batches_by_chunk(chunks, items, lambda item: item.proposal.sentences[0], ITEMS_PER_CALL)
    return [(chunks[index] if chunks else None, batch) for index, batch in grouped]


def _request(state: AnalysisState, chunk: Chunk | None, batch: list[_Item]) -> Request:
    items = [
        {
            "actor": item.proposal.actor,
            "sentences": ", ".join(str(n) for n in item.proposal.sentences),
            "statement": item.proposal.statement,
            "opening": item.opening,
        }
        for item in batch
    ]
    return Request(
        step=NAME,
        messages=messages_for(state.article.prompt_text(chunk), TEMPLATE, items=items),
        response_model=restatements_model(len(batch), [item.opening for item in batch]),
        max_tokens=sum(len(item.proposal.statement) // _CHARS_PER_TOKEN + _TOKENS_EACH for item in batch),
        skipped=f"{len(batch)} statement(s) that do not stand alone were not restated",
        progress=f"restating {len(batch)} statement(s) that do not stand alone",
    )


def _context(state: AnalysisState, proposal: Proposal) -> str:
    first = max(1, min(proposal.sentences) - CONTEXT_BEFORE)
    return _sentences(state, range(first, max(proposal.sentences) + 1))


def _sentences(state: AnalysisState, numbers: Iterable[int]) -> str:
    """The article's sentences of these numbers, joined."""
    return " ".join(state.article.sentence_texts[n - 1] for n in numbers)


@dataclass(frozen=True)
class _Checked:
    """One answer read for one item: the restatement without a copied note or the speaker's frame, the
    note's text for the trace, and what is wrong with it (None: it is used)."""

    text: str
    note: str
    problem: str | None


def _checked(state: AnalysisState, item: _Item, restated: str, written_for: _Item | None = None) -> _Checked:
    """The answer read for `item`; `written_for` is the item it was written under, when another one,
    whose copied note is removed first."""
    proposal = item.proposal
    text = " ".join(restated.split())
    copied: str | None = None
    if written_for is not None:
        text, copied = without_item_note(text, written_for.proposal.actor)
    if copied is None:
        text, copied = without_item_note(text, proposal.actor)
    note = "" if copied is None else f" (the copy of the request's note {copied!r} removed)"
    # "Hale said her party ..." -> "Her party ..."; "Bush says he knows" (for "I know") -> "Bush knows"
    text = without_frame(text, proposal.actor, speaker_name=item.opening) or text
    problem = restatement_problem(
        proposal.statement, text, actor=proposal.actor, context=_context(state, proposal)
    )
    return _Checked(text, note, problem)


def _may_move(answer: str, written_for: _Item, to: _Item) -> bool:
    """Whether an answer written under one item may be read for another: neither is held to open with
    its speaker's name (`_Item.opening`), and the answer names the actor of the item it was written
    under only when that is the other item's actor too."""
    if written_for.opening is not None or to.opening is not None:
        return False
    source = written_for.proposal.actor
    text, _ = without_item_note(answer, source)
    return source == to.proposal.actor or source.casefold() not in text.casefold()


def _settle(state: AnalysisState, batch: list[_Item], answers: list[str]) -> None:
    """Keep each restatement or say why not. Refused items and refused answers are then paired where
    exactly one refused item takes an answer written under another item, and that answer is the only
    one it takes (`rules.statements.ANSWER_OF_ANOTHER_ITEM`)."""
    refused: dict[int, _Checked] = {}
    for position, item in enumerate(batch):
        checked = _checked(state, item, answers[position])
        if checked.problem is None:
            reason = f"restated as {checked.text!r}{checked.note}"
            state.trace.record_about(RESTATED, DecisionAction.RELABELED, reason, item.proposal)
            state.statements[item.index] = replace(item.proposal, statement=checked.text)
        else:
            refused[position] = checked
    takes: dict[int, dict[int, _Checked]] = {position: {} for position in refused}
    for position, other in itertools.permutations(refused, 2):
        if _may_move(answers[other], batch[other], batch[position]):
            moved = _checked(state, batch[position], answers[other], written_for=batch[other])
            if moved.problem is None:
                takes[position][other] = moved
    for position, checked in refused.items():
        item = batch[position]
        only = list(takes[position])
        taken_by = [taker for taker, options in takes.items() if only and only[0] in options]
        if len(only) != 1 or taken_by != [position]:
            reason = f"the restatement {checked.text!r}{checked.note} is not used: {checked.problem}"
            state.trace.record_about(RESTATEMENT_REFUSED, DecisionAction.SKIPPED, reason, item.proposal)
            continue
        moved = takes[position][only[0]]
        reason = (
            f"restated as {moved.text!r}{moved.note}, the answer written under item {only[0]} of its "
            f"request; its own, {checked.text!r}{checked.note}, is not used: {checked.problem}"
        )
        state.trace.record_about(ANSWER_OF_ANOTHER_ITEM, DecisionAction.RELABELED, reason, item.proposal)
        state.statements[item.index] = replace(item.proposal, statement=moved.text)


async def run(state: AnalysisState) -> None:
    """Frames removed and first-person statements put in the third person by code, then the statements
    that still cannot stand alone restated."""
    names = _ActorNames.of(state)
    _article_words_restored(state)
    _initials_closed_up(state)
    _side_report_points(state, names)
    _own_clauses(state, names)
    framed = _without_frames(state, names)
    _in_third_person(state, names)
    _frame_pronouns_named(state, names)
    _subjects_named(state, names)
    _quoted_subjects_named(state, names)
    planned = batches(state.chunks, _to_restate(state, names))
    answers = await ask_all(state.requests, [_request(state, chunk, batch) for chunk, batch in planned])
    for (_, batch), answer in zip(planned, answers, strict=True):
        if answer is None:
            continue
        _settle(state, batch, [getattr(answer, f"item_{position}") for position in range(len(batch))])
    _frames_kept(state, framed)
    _frames_only_given_their_sentences(state)
