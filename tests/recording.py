"""Recorded model responses (vcrpy cassettes) from the real embedded model.

Replay (the default, and always in CI): requests are matched on method, path and JSON body; a request
with no recording fails (the network is never used). Record: `COUNTERCLAIM_RECORD=1 pytest ...` starts
the embedded Qwen2.5-Coder-1.5B server and records every request anew (see docs, "Re-recording");
`=new` keeps the recorded answers to requests that did not change. The seed eval is recorded by
`scripts/write_baselines.py --record`, not by a test.
Request and response headers are dropped before anything is written, so no key, cookie or
organisation id can reach a cassette.

A cassette is either one file (`tests/cassettes/<name>.yaml`) or a folder of one file per article
(`tests/cassettes/<name>/<article id>.yaml`, the seed runs): vcrpy sees the folder as one cassette whose
interactions are all the articles' (`ArticleCassettes`), and recording writes each interaction back to
the file of the article its request shows the model. A prompt change then re-records, and shows in the
diff, only the articles whose requests changed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import vcr
from vcr.persisters.filesystem import CassetteNotFoundError, FilesystemPersister
from vcr.serialize import deserialize, serialize

from counterclaim.config import Settings, load_settings
from counterclaim.llm.client import ModelClient
from counterclaim.llm.local_server import LocalServer, resolve_model_path
from counterclaim.llm.model_files import DEFAULT_LOCAL_MODEL
from counterclaim.llm.response_cache import ResponseCache

ROOT = Path(__file__).parents[1]
CASSETTES = Path(__file__).parent / "cassettes"
SEEDS = ROOT / "seeds"
REPLAY_BASE_URL = "http://127.0.0.1:9/v1"  # never contacted: replay answers every request
KEPT_RESPONSE_HEADERS = {"content-type"}
SEED_CASSETTES = {"staged": "seeds-staged", "naive": "seeds-naive"}
"""The folders of per-article cassettes of the seed eval, by pipeline."""
SPLITS = {"validation": SEEDS / "validation", "test": SEEDS / "test"}
"""The labeled splits besides the seeds (dev): validation, where rules are chosen, and the frozen test
split, scored only when a change is finished (docs/evaluation.md)."""
SPLIT_CASSETTES = {split: f"{split}-staged" for split in SPLITS}
"""The folders of per-article cassettes of each split's eval (staged pipeline, eval's defaults)."""
EVALS = ROOT / "evals"


@dataclass(frozen=True)
class RecordedEval:
    """An eval whose model answers are recorded: its dataset, pipeline, per-article cassette folder,
    and its committed baseline files (`scripts/write_baselines.py` writes them, `test_eval_baseline.py`
    replays and compares)."""

    name: str
    dataset: Path
    pipeline: Literal["staged", "naive"]
    cassettes: str
    baseline_folder: Path
    file_prefix: str
    """Prefix of the baseline's file names ("seeds-staged." in evals/baselines/; none in a split's)."""

    def baseline_file(self, name: str) -> Path:
        return self.baseline_folder / f"{self.file_prefix}{name}"

    def recorded_ids(self) -> set[str]:
        """The ids of the articles that have a recording (a file in the cassette folder)."""
        return {path.stem for path in cassette_path(self.cassettes).glob("*.yaml")}


def seeds_eval(pipeline: Literal["staged", "naive"]) -> RecordedEval:
    """The seeds' (dev) eval of a pipeline: evals/baselines/seeds-<pipeline>.*."""
    name = f"seeds-{pipeline}"
    return RecordedEval(name, SEEDS, pipeline, SEED_CASSETTES[pipeline], EVALS / "baselines", f"{name}.")


def split_eval(split: str) -> RecordedEval:
    """A split's eval (staged pipeline): evals/<split>-split/."""
    return RecordedEval(
        SPLIT_CASSETTES[split], SPLITS[split], "staged", SPLIT_CASSETTES[split], EVALS / f"{split}-split", ""
    )


RECORDED_EVALS = (seeds_eval("staged"), seeds_eval("naive"), *(split_eval(split) for split in SPLITS))
"""Every recorded eval: the seeds with both pipelines, validation and test."""
UNASSIGNED = "unassigned"
"""The file (in a folder of per-article cassettes) for interactions no article could be found for."""


# --- the seed articles -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeedArticle:
    """A labeled seed article: its id (as in eval runs and cassette names), its file and its text."""

    id: str
    path: Path
    text: str


@cache
def articles_in(folder: Path) -> tuple[SeedArticle, ...]:
    """Every labeled article of a dataset folder, in file name order (the order the eval runs them in)."""
    found = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        found.append(SeedArticle(id=str(record["id"]), path=path, text=str(record["text"])))
    return tuple(found)


def seed_articles() -> tuple[SeedArticle, ...]:
    """Every seed article of `seeds/`, in file name order (the order the eval runs them in)."""
    return articles_in(SEEDS)


def seed(file_stem: str) -> SeedArticle:
    """The seed article in `seeds/<file_stem>.json`."""
    for article in seed_articles():
        if article.path.stem == file_stem:
            return article
    raise KeyError(file_stem)


def seed_cassette(pipeline: str, *articles: SeedArticle) -> list[str]:
    """The cassettes of the recorded seed eval for these articles (all of them when none is named)."""
    folder = SEED_CASSETTES[pipeline]
    return [f"{folder}/{article.id}" for article in articles] or [folder]


# --- which article a request is about ----------------------------------------------------------------

_ARTICLE_BLOCK = "<<<ARTICLE"
"""What opens the article in a prompt (`prompts/article.j2`): a request without it shows no article."""
_SENTENCE_NUMBER = re.compile(r"\[\d+\]\s*")
_SHINGLE_WORDS = 6


def _shingles(text: str) -> set[str]:
    """Runs of six words of the text, sentence numbers ("[4] ") left out and spaces folded."""
    words = _SENTENCE_NUMBER.sub(" ", text).split()
    return {" ".join(words[i : i + _SHINGLE_WORDS]) for i in range(max(1, len(words) - _SHINGLE_WORDS + 1))}


def _prompt_text(body: Any) -> str:
    """What a recorded request shows the model (its user messages), or its raw body."""
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    try:
        payload = json.loads(body) if isinstance(body, str) else body
        return " ".join(str(m["content"]) for m in payload["messages"] if m.get("role") == "user")
    except (TypeError, ValueError, KeyError):
        return str(body)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in _strings(item)] if isinstance(value, list) else []


def answer_text(response: Mapping[str, Any]) -> str:
    """The text of a recorded answer: the strings of the JSON the model wrote, or the raw body."""
    raw = response.get("body", {}).get("string", "")
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    try:
        content = json.loads(raw)["choices"][0]["message"]["content"]
        return " ".join(_strings(json.loads(content)))
    except (TypeError, ValueError, KeyError, IndexError):
        return str(raw)


def article_by_answers(body: Any, answers: Mapping[str, str], articles: Mapping[str, str]) -> str | None:
    """The article a request made without an article belongs to: the one whose recorded answers
    (`answers`: their text, by article id) show its words most. Such a request is made of what the
    model answered earlier (the two statements of a contradiction to explain, restated or translated;
    the English seed whose Indonesian version gave them shows some of their words too). Runs of words
    several articles' answers show tell nothing. When no answer decides: `article_of`."""
    said = {article_id: _shingles(text) for article_id, text in answers.items()}
    shown = _shingles(_prompt_text(body))
    seen = Counter(shingle for shingles in said.values() for shingle in shingles & shown)
    own = {shingle for shingle, n in seen.items() if n == 1}
    scores = sorted(((len(found & own), article_id) for article_id, found in said.items()), reverse=True)
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return article_of(body, articles)
    return scores[0][1]


def shows_an_article(body: Any) -> bool:
    """Whether a request shows the model an article (`prompts/article.j2`'s block)."""
    return _ARTICLE_BLOCK in _prompt_text(body)


def article_of(body: Any, articles: Mapping[str, str]) -> str | None:
    """The id of the article a request is about: the one of `articles` (id to text) whose words the
    request shows the model most, in runs of six words. None when no article's words are in it, or
    when two articles tie (never guessed)."""
    shown = _shingles(_prompt_text(body))
    scores = sorted(
        ((len(shown & _shingles(text)), article_id) for article_id, text in articles.items()), reverse=True
    )
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


# --- a folder of per-article cassettes as one vcrpy cassette ----------------------------------------


def _request_key(request: Any) -> tuple[str, str, bytes]:
    body = request.body or b""
    return (str(request.method), str(request.uri), body.encode("utf-8") if isinstance(body, str) else body)


class ArticleCassettes:
    """A vcrpy persister for a folder holding one cassette per article.

    Loading merges every file of the folder (in file name order) into one cassette, so one run over
    many articles replays from all of them. Saving writes each interaction to the file of the article
    its request is about (`article_of`, among the `articles` being recorded); each of those articles
    gets its own file, or loses it when none of its requests were kept. The files of other articles
    are left as they are (their interactions, loaded, are not written again). An interaction that
    shows none of the articles goes to the article whose other exchanges show its words (a request
    made of the model's earlier answers); one that shows none of either is written to
    `unassigned.yaml`, and saving fails.
    A path ending in `.yaml` is an ordinary cassette file.
    """

    def __init__(self, articles: Mapping[str, str] | None = None) -> None:
        self.articles = dict(articles or {})
        self.unassigned: str | None = None
        """Why the last save left requests in `unassigned.yaml`, if it did."""
        self._loaded_from: dict[tuple[str, str, bytes], str] = {}
        """The file each loaded request came from (vcrpy copies requests: they are known by content)."""

    def load_cassette(self, cassette_path: str | Path, serializer: Any) -> tuple[list[Any], list[Any]]:
        folder = Path(cassette_path)
        if folder.suffix == ".yaml":
            loaded = FilesystemPersister.load_cassette(folder, serializer)
            return loaded[0], loaded[1]
        files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        if not files:
            raise CassetteNotFoundError()
        requests: list[Any] = []
        responses: list[Any] = []
        for path in files:
            loaded_requests, loaded_responses, *_ = deserialize(path.read_text(encoding="utf-8"), serializer)
            for request in loaded_requests:
                self._loaded_from[_request_key(request)] = path.stem
            requests.extend(loaded_requests)
            responses.extend(loaded_responses)
        return requests, responses

    def _owner(self, request: Any) -> str | None:
        """The article whose file the interaction goes to; None: another article's, left alone;
        UNASSIGNED: it shows no article (`_owner_by_answers` places it)."""
        loaded_from = self._loaded_from.get(_request_key(request))
        if loaded_from is not None and loaded_from not in (*self.articles, UNASSIGNED):
            return None  # first: another article's request may share a run of words with these
        owner = article_of(request.body, self.articles) if shows_an_article(request.body) else None
        return owner if owner is not None else UNASSIGNED

    @staticmethod
    def _owner_by_answers(
        request: Any, exchanges: Mapping[str, Mapping[str, list[Any]]], articles: Mapping[str, str]
    ) -> str:
        answers = {
            article_id: " ".join(answer_text(response) for response in part["responses"])
            for article_id, part in exchanges.items()
            if article_id != UNASSIGNED
        }
        return article_by_answers(request.body, answers, articles) or UNASSIGNED

    def save_cassette(
        self, cassette_path: str | Path, cassette_dict: dict[str, Any], serializer: Any
    ) -> None:
        folder = Path(cassette_path)
        if folder.suffix == ".yaml":
            FilesystemPersister.save_cassette(folder, cassette_dict, serializer)
            return
        by_article: dict[str, dict[str, list[Any]]] = {}
        pending: list[tuple[Any, Any]] = []
        for request, response in zip(cassette_dict["requests"], cassette_dict["responses"], strict=True):
            owner = self._owner(request)
            if owner == UNASSIGNED:
                pending.append((request, response))
            elif owner is not None:
                part = by_article.setdefault(owner, {"requests": [], "responses": []})
                part["requests"].append(request)
                part["responses"].append(response)
        placed = [(self._owner_by_answers(q, by_article, self.articles), q, r) for q, r in pending]
        for owner, request, response in placed:
            part = by_article.setdefault(owner, {"requests": [], "responses": []})
            part["requests"].append(request)
            part["responses"].append(response)
        folder.mkdir(parents=True, exist_ok=True)
        for article_id in [*self.articles, UNASSIGNED]:
            path = folder / f"{article_id}.yaml"
            if article_id in by_article:
                path.write_text(serialize(by_article[article_id], serializer), encoding="utf-8")
            else:
                path.unlink(missing_ok=True)
        if UNASSIGNED in by_article:  # raised after the cassette is closed (`raise_if_unassigned`)
            self.unassigned = (
                f"{len(by_article[UNASSIGNED]['requests'])} recorded request(s) show none of the articles: "
                f"written to {folder / UNASSIGNED}.yaml"
            )

    def raise_if_unassigned(self) -> None:
        """Fail a recording that left requests in `unassigned.yaml`. Not raised while vcrpy saves: an
        error there skips its unpatching, and later tests' requests would escape their cassettes."""
        if self.unassigned:
            raise ValueError(self.unassigned)


def cassette_path(name: str | Path) -> Path:
    """`tests/cassettes/<name>`: a folder of per-article cassettes, else the file `<name>.yaml`. A
    `Path` is taken as it is (a `.yaml` file, else a folder)."""
    if isinstance(name, Path):
        return name
    path = CASSETTES / name
    folders = (*SEED_CASSETTES.values(), *SPLIT_CASSETTES.values())
    return path if path.is_dir() or name in folders else path.with_name(path.name + ".yaml")


# --- recording and replay ----------------------------------------------------------------------------


RecordMode = Literal["replay", "all", "new"]


def record_mode() -> RecordMode:
    """`COUNTERCLAIM_RECORD=1` ("all") records every request anew; `=new` keeps the recorded answers to
    requests that did not change, records only the new requests and drops the ones no longer made (for
    a change that alters only some requests, such as the last step of the pipeline); else replay."""
    return {"1": "all", "new": "new"}.get(os.environ.get("COUNTERCLAIM_RECORD", ""), "replay")  # type: ignore[return-value]


def recording() -> bool:
    """Whether tests record now (`COUNTERCLAIM_RECORD=1` or `=new`) instead of replaying."""
    return record_mode() != "replay"


def recorded_settings(**overrides: Any) -> Settings:
    """The settings the cassettes were recorded with (the default local model, temperature 0)."""
    values: dict[str, Any] = {"provider": "local", "model": DEFAULT_LOCAL_MODEL.name, **overrides}
    return load_settings(env={}, **values)


def _json_body(request: Any) -> Any:
    body = request.body
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    try:
        return json.loads(body) if body else None
    except json.JSONDecodeError:
        return body


def _same_json_body(r1: Any, r2: Any) -> None:
    assert _json_body(r1) == _json_body(r2), "request bodies differ"


def _scrub_request(request: Any) -> Any:
    request.headers.clear()
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """Keep only the content type, and the model file's name without the recording machine's path."""
    headers = response.get("headers", {})
    response["headers"] = {k: v for k, v in headers.items() if k.lower() in KEPT_RESPONSE_HEADERS}
    body = response.get("body", {})
    raw = body.get("string")
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    if isinstance(raw, str):
        try:
            payload = json.loads(raw)
        except json.JSONDecodeError:
            return response
        if isinstance(payload, dict) and isinstance(payload.get("model"), str):
            payload["model"] = os.path.basename(payload["model"])
            body["string"] = json.dumps(payload).encode("utf-8")
    return response


def cassette_vcr(
    *, record: bool, only_new: bool = False, persister: ArticleCassettes | None = None
) -> vcr.VCR:
    """A recorder matching requests on method, path and JSON body. `persister`: the per-article
    cassettes of a recording into a folder (it knows the articles it assigns interactions to)."""
    mode = ("new_episodes" if only_new else "all") if record else "none"
    recorder = vcr.VCR(
        record_mode=mode,
        drop_unused_requests=only_new,
        match_on=["method", "path", "json_body"],
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )
    recorder.register_matcher("json_body", _same_json_body)
    recorder.register_persister(persister or ArticleCassettes())
    return recorder


@contextlib.contextmanager
def replaying(cassettes: str | Path | Iterable[str | Path]) -> Iterator[None]:
    """Replay one or several cassettes together (also for code that opens its own client, such as the
    CLI); nothing is ever recorded here, and a request none of them holds fails."""
    names = [cassettes] if isinstance(cassettes, (str, Path)) else list(cassettes)
    paths = [cassette_path(name) for name in names]
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"no recording at {path}: re-record (docs/testing.md)")
    with contextlib.ExitStack() as stack:
        path = paths[0]
        if len(paths) > 1:  # one folder holding them all, which `ArticleCassettes` reads as one
            path = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cassettes-")))
            files = [f for p in paths for f in (sorted(p.glob("*.yaml")) if p.is_dir() else [p])]
            for number, file in enumerate(files):
                (path / f"{number:04d}-{file.name}").symlink_to(file)
        stack.enter_context(cassette_vcr(record=False).use_cassette(str(path), allow_playback_repeats=True))
        yield


@contextlib.contextmanager
def recording_into(
    cassette: str | Path, mode: Literal["all", "new"], articles: Iterable[SeedArticle] | None = None
) -> Iterator[None]:
    """Record the HTTP traffic of the block into a cassette (a file, or a folder of per-article
    cassettes: `articles`, default every seed, are the articles whose files are written).

    "all" records every request anew: the articles' old files are removed first (vcrpy would keep
    their interactions next to the new ones). "new" answers the requests that did not change from
    the recording, records the others and drops the interactions no longer asked for, article by
    article: an article whose requests did not change keeps its file as it was.
    """
    written = {a.id: a.text for a in (seed_articles() if articles is None else articles)}
    target = cassette_path(cassette)
    if mode == "all":
        for old in [target] if target.suffix == ".yaml" else [target / f"{i}.yaml" for i in written]:
            old.unlink(missing_ok=True)
    persister = ArticleCassettes(written)
    recorder = cassette_vcr(record=True, only_new=mode == "new", persister=persister)
    with recorder.use_cassette(str(target), allow_playback_repeats=True):
        yield
    persister.raise_if_unassigned()


@contextlib.asynccontextmanager
async def recorded_client(
    cassette: str | Iterable[str],
    settings: Settings | None = None,
    *,
    replay_only: bool = False,
    record: RecordMode | None = None,
    articles: Iterable[SeedArticle] | None = None,
    cache: ResponseCache | None = None,
) -> AsyncIterator[ModelClient]:
    """A ModelClient whose HTTP traffic is replayed from (or, when recording, written to) a cassette.

    `cassette`: a cassette name (`tests/cassettes/<name>.yaml`, or the folder `<name>/` of per-article
    cassettes), or several names replayed together (`seed_cassette("staged", article)` names one
    article's). `replay_only` tests reuse cassettes another run records (the same requests), so they
    never overwrite them, even while recording. `record`: "all", "new" or "replay" (default:
    `record_mode()`, from `COUNTERCLAIM_RECORD`).
    `articles`: when recording into a folder, the articles whose cassettes are written (default: every
    seed). `cache`: a response cache in front of the cassette (it stores the replayed answers).
    """
    settings = settings or recorded_settings()
    names = [cassette] if isinstance(cassette, str) else list(cassette)
    mode: RecordMode = "replay" if replay_only else (record or record_mode())
    if mode != "replay" and len(names) != 1:
        raise ValueError("record into one cassette (a file or a folder of per-article cassettes)")
    with contextlib.ExitStack() as stack:
        base_url = REPLAY_BASE_URL
        if mode != "replay":
            path = resolve_model_path(settings.model, settings.model_path)
            server = stack.enter_context(
                LocalServer(path, n_ctx=settings.n_ctx, threads=settings.threads, slots=settings.slots)
            )
            base_url = server.base_url
            stack.enter_context(recording_into(names[0], mode, articles))
        else:
            stack.enter_context(replaying(names))
        client = ModelClient(settings, base_url=base_url, cache=cache)
        if mode != "replay":  # as many requests in flight as the recording server decodes at once
            client.limit_concurrency(server.slots)
        try:
            yield client
        finally:
            await client.aclose()
