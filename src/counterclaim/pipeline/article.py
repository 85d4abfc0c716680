"""An article made ready for the model: invisible characters stripped, sentences numbered, chunks cut, and
what code reads of each sentence computed once.

The model sees the sanitized text; every span handed back to the user points into the text the user
gave, through the sanitizer's offset map. Rules read per-sentence features from here (keywords,
speakers found by code, quotations running on, language) instead of deriving them again for every claim.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from counterclaim.io.sanitize import SanitizedText, sanitize
from counterclaim.models import Span, SpanGrounding
from counterclaim.text.chunking import Chunk, chunk_sentences
from counterclaim.text.credit_lines import caption_spans
from counterclaim.text.grounding import consecutive_runs
from counterclaim.text.keywords import keywords
from counterclaim.text.language import looks_english
from counterclaim.text.quotations import quotation_open_at, quotation_run
from counterclaim.text.sentences import Sentence, numbered_article, split_sentences
from counterclaim.text.speakers import reported_speakers
from counterclaim.text.transcripts import transcript_answers

_FENCE_CLOSE = "ARTICLE>>>"


@dataclass(frozen=True)
class PreparedArticle:
    """The user's text, its sanitized twin, and the sanitized text's sentences."""

    original: str
    sanitized: SanitizedText
    sentences: tuple[Sentence, ...]

    @classmethod
    def from_text(cls, text: str) -> PreparedArticle:
        cleaned = sanitize(text)
        return cls(original=text, sanitized=cleaned, sentences=tuple(split_sentences(cleaned.clean)))

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.original.encode("utf-8")).hexdigest()

    def chunks(self, *, max_chars: int, overlap: int) -> list[Chunk]:
        if not self.sentences:
            return []
        return chunk_sentences(list(self.sentences), max_chars=max_chars, overlap=overlap)

    def sentence(self, number: int) -> Sentence:
        """The sentence with this 1-based number (IndexError if none)."""
        if not 1 <= number <= len(self.sentences):
            raise IndexError(f"no sentence {number}; the article has {len(self.sentences)}")
        return self.sentences[number - 1]

    @cached_property
    def sentence_texts(self) -> tuple[str, ...]:
        """The sentences' texts (sentence n is `sentence_texts[n - 1]`)."""
        return tuple(s.text for s in self.sentences)

    @cached_property
    def sentence_keywords(self) -> tuple[frozenset[str], ...]:
        """Each sentence's content words (`text.keywords`), in sentence order."""
        return tuple(frozenset(keywords(text)) for text in self.sentence_texts)

    @cached_property
    def sentences_with_keyword(self) -> dict[str, tuple[int, ...]]:
        """For each keyword, the numbers of the sentences that hold it (an index of `sentence_keywords`)."""
        index: dict[str, list[int]] = {}
        for number, words in enumerate(self.sentence_keywords, start=1):
            for word in words:
                index.setdefault(word, []).append(number)
        return {word: tuple(numbers) for word, numbers in index.items()}

    @cached_property
    def sentence_speakers(self) -> tuple[tuple[str, ...], ...]:
        """The speakers code finds in each sentence from English reporting patterns, in sentence order."""
        return tuple(tuple(reported_speakers(text)) for text in self.sentence_texts)

    @cached_property
    def quoted_sentences(self) -> frozenset[int]:
        """Numbers of the sentences that begin inside a quotation an earlier sentence of their paragraph
        opened: one speaker's words running on (`text.quotations`)."""
        text = self.sanitized.clean
        return frozenset(s.number for s in self.sentences if quotation_open_at(text, s.start))

    @cached_property
    def answer_speakers(self) -> dict[int, str]:
        """The speaker of each sentence that is part of an interview's answer, by sentence number: the
        label that opens its line, written out and as given ("Natasha Gownaris NG": `text.transcripts`)."""
        answers = transcript_answers(self.sanitized.clean)
        return {
            s.number: " ".join(dict.fromkeys((answer.speaker, answer.label)))
            for s in self.sentences
            for answer in answers
            if s.start < answer.end and answer.start < s.end
        }

    @cached_property
    def caption_sentences(self) -> frozenset[int]:
        """Numbers of the sentences of a photo's caption: a short line that closes with a photo credit,
        or the credit alone on a longer line (`text.credit_lines.caption_spans`)."""
        lines = caption_spans(self.sanitized.clean)
        return frozenset(
            s.number for s in self.sentences if any(start < s.end and s.start < end for start, end in lines)
        )

    def quotation_run(self, number: int) -> range:
        """The numbers of the sentences of the quotation sentence `number` belongs to
        (`text.quotations.quotation_run` over `quoted_sentences`)."""
        return quotation_run(self.quoted_sentences, number)

    @cached_property
    def english(self) -> bool:
        """Whether the article reads as English (judged from function words)."""
        return looks_english(" ".join(self.sentence_texts))

    def original_span(
        self, clean_start: int, clean_end: int, grounding: SpanGrounding = SpanGrounding.CITED_SENTENCE
    ) -> Span:
        """A span of the sanitized text, mapped back to the user's text."""
        start, end = self.sanitized.to_original_span(clean_start, clean_end)
        return Span(start=start, end=end, text=self.original[start:end], grounding=grounding)

    def evidence_for(
        self, numbers: list[int], grounding: SpanGrounding = SpanGrounding.CITED_SENTENCE
    ) -> list[Span]:
        """Spans (in the user's text) of the cited sentences; adjacent sentences become one span."""
        return [
            self.original_span(self.sentence(run[0]).start, self.sentence(run[-1]).end, grounding)
            for run in consecutive_runs(numbers)
        ]

    def sentence_offsets(self, numbers: Iterable[int]) -> tuple[int, int] | None:
        """(start, end) in the user's text of the stretch from the first to the last of these sentences."""
        valid = [n for n in numbers if 1 <= n <= len(self.sentences)]
        if not valid:
            return None
        return self.sanitized.to_original_span(self.sentence(min(valid)).start, self.sentence(max(valid)).end)

    def prompt_text(self, chunk: Chunk | None = None) -> str:
        """Numbered sentences for the prompt (the whole article, or one chunk)."""
        sentences = list(chunk.sentences) if chunk is not None else list(self.sentences)
        # The article must not be able to close the fence it is shown in.
        return numbered_article(sentences).replace(_FENCE_CLOSE, "ARTICLE> > >")
