"""The recording machinery itself (`tests/recording.py`), with no model: which article a request is
about, and a folder of per-article cassettes recorded, replayed and re-recorded article by article.

The "server" here is an httpx2 MockTransport (vcrpy records what it answers, as it would a model's);
its answers are hand-made and say which request they answer.
"""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import Callable
from pathlib import Path

import httpx2
import pytest
import yaml

from recording import (
    UNASSIGNED,
    SeedArticle,
    article_of,
    recording_into,
    replaying,
    seed_articles,
)

DAM = SeedArticle(
    id="dam",
    path=Path("dam.json"),
    text="The minister said the dam is safe. Engineers said cracks were found in the wall last week.",
)
BRIDGE = SeedArticle(
    id="bridge",
    path=Path("bridge.json"),
    text="The mayor said the bridge reopens on Monday. Residents said the repairs are not finished yet.",
)
ARTICLES = {a.id: a.text for a in (DAM, BRIDGE)}


def body(article: str, task: str) -> bytes:
    """A chat request showing the model an article (numbered and marked as `prompts/article.j2` does)
    and a task."""
    numbered = "\n".join(f"[{n}] {s.strip()}." for n, s in enumerate(article.split(". "), start=1))
    return task_body(f"ARTICLE (each sentence is numbered):\n<<<ARTICLE\n{numbered}\nARTICLE>>>\n\n", task)


def task_body(shown: str, task: str) -> bytes:
    """A chat request showing the model `shown` and a task, no article."""
    messages = [
        {"role": "system", "content": "You analyse news."},
        {"role": "user", "content": f"{shown}TASK: {task}"},
    ]
    return json.dumps({"model": "m", "messages": messages}).encode()


class Server:
    """Answers each request with the number of requests it has seen (so replays can be told apart)."""

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.seen += 1
        return httpx2.Response(200, json={"answer": self.seen}, headers={"content-type": "application/json"})


def send(server: Callable[[httpx2.Request], httpx2.Response], *bodies: bytes) -> list[int]:
    with httpx2.Client(transport=httpx2.MockTransport(server)) as client:
        answers = []
        for content in bodies:
            response = client.post("http://model.test/v1/chat/completions", content=content)
            answers.append(int(response.json()["answer"]))
        return answers


def recorded(path: Path) -> list[tuple[str, int]]:
    """(task, answer) of each interaction recorded in a cassette file, in order."""
    cassette = yaml.safe_load(path.read_text(encoding="utf-8"))
    result = []
    for interaction in cassette["interactions"]:
        assert interaction["request"]["headers"] == {}  # scrubbed as every recording is
        request = json.loads(interaction["request"]["body"])
        task = request["messages"][-1]["content"].split("TASK: ")[1]
        result.append((task, int(json.loads(interaction["response"]["body"]["string"])["answer"])))
    return result


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        (body(DAM.text, "claims"), "dam"),  # the whole article, numbered
        (body(DAM.text.split(". ")[1], "verify"), "dam"),  # one sentence of it is enough
        (body("Nothing from either article is shown here at all today.", "x"), None),
        (b"not json at all", None),
    ],
    ids=["whole-article", "one-sentence", "no-article", "not-json"],
)
def test_a_request_belongs_to_the_article_whose_words_it_shows(shown: bytes, expected: str | None) -> None:
    assert article_of(shown, ARTICLES) == expected


def test_two_articles_a_request_shows_alike_are_never_guessed_between() -> None:
    assert article_of(body(DAM.text, "claims"), {"dam": DAM.text, "dam-again": DAM.text}) is None


def test_every_seed_article_is_told_apart_from_the_others() -> None:
    seeds = {a.id: a.text for a in seed_articles()}
    for article in seed_articles():
        assert article_of(body(article.text, "claims"), seeds) == article.id


def test_recording_writes_one_cassette_per_article_and_replay_reads_them_together(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    server = Server()
    with recording_into(folder, "all", [DAM, BRIDGE]):
        send(server, body(DAM.text, "claims"), body(BRIDGE.text, "claims"), body(DAM.text, "verify"))
    assert sorted(p.name for p in folder.iterdir()) == ["bridge.yaml", "dam.yaml"]
    assert recorded(folder / "dam.yaml") == [("claims", 1), ("verify", 3)]
    assert recorded(folder / "bridge.yaml") == [("claims", 2)]

    with replaying(folder):  # answered from the files, whatever the order; the server is not asked
        assert send(server, body(DAM.text, "verify"), body(BRIDGE.text, "claims")) == [3, 2]
    assert server.seen == 3


def test_rerecording_only_new_requests_rewrites_only_the_articles_whose_requests_changed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "run"
    server = Server()
    with recording_into(folder, "all", [DAM, BRIDGE]):
        send(server, body(DAM.text, "claims"), body(DAM.text, "verify"), body(BRIDGE.text, "claims"))
    bridge_before = (folder / "bridge.yaml").read_bytes()

    # A prompt change touches the dam's verify request only.
    with recording_into(folder, "new", [DAM, BRIDGE]):
        send(server, body(DAM.text, "claims"), body(DAM.text, "verify v2"), body(BRIDGE.text, "claims"))
    assert server.seen == 4  # only the changed request reached the server
    assert recorded(folder / "dam.yaml") == [("claims", 1), ("verify v2", 4)]  # the old verify is gone
    assert (folder / "bridge.yaml").read_bytes() == bridge_before  # byte for byte


_SHARED = "US Secretary of State Mike Pompeo said"
SHARING_DAM = SeedArticle("dam", Path("dam.json"), f"{_SHARED} the dam is safe. Engineers found cracks.")
SHARING_BRIDGE = SeedArticle(
    "bridge", Path("bridge.json"), f"{_SHARED} the bridge reopens. Residents disagree."
)


@pytest.mark.parametrize(
    ("dam", "bridge"),
    [(DAM, BRIDGE), (SHARING_DAM, SHARING_BRIDGE)],
    ids=["apart", "sharing-six-words"],
)
def test_recording_all_anew_replaces_only_the_articles_recorded(
    dam: SeedArticle, bridge: SeedArticle, tmp_path: Path
) -> None:
    """Also when articles of one split share a run of six words ("US Secretary of State Mike Pompeo"):
    the other articles' recordings (loaded, and handed back to be saved) stay in their own files and
    are not filed under an article recorded anew."""
    folder = tmp_path / "run"
    server = Server()
    with recording_into(folder, "all", [dam, bridge]):
        send(server, body(dam.text, "claims"), body(bridge.text, "claims"))
    bridge_before = (folder / "bridge.yaml").read_bytes()
    with recording_into(folder, "all", [dam]):
        send(server, body(dam.text, "claims"))
    assert recorded(folder / "dam.yaml") == [("claims", 3)]  # the new answer, not the old one beside it
    assert (folder / "bridge.yaml").read_bytes() == bridge_before  # not recorded now: left as it was


def test_a_request_showing_no_article_is_kept_apart_and_fails_the_recording(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    with pytest.raises(ValueError, match="show none of the articles"), recording_into(folder, "all", [DAM]):
        send(Server(), body(DAM.text, "claims"), body("An unrelated text with no article in it.", "x"))
    assert recorded(folder / "dam.yaml") == [("claims", 1)]
    assert recorded(folder / f"{UNASSIGNED}.yaml") == [("x", 2)]


class ChatServer:
    """Answers like a chat completions server: the model's JSON answer for each task, in order."""

    def __init__(self, *answers: dict[str, str]) -> None:
        self.answers = list(answers)
        self.seen = 0

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        content = json.dumps(self.answers[self.seen])
        self.seen += 1
        completion = {
            "answer": self.seen,
            "choices": [{"message": {"role": "assistant", "content": content}}],
        }
        return httpx2.Response(200, json=completion, headers={"content-type": "application/json"})


def test_a_request_made_of_an_articles_earlier_answers_goes_with_that_article(tmp_path: Path) -> None:
    # The explain step shows the model only statements it wrote before (restated, translated): no
    # words of the article. The answers of each article tell where such a request belongs; the words
    # every request shows (the task's own) tell nothing.
    restated = "Cracks in the concrete wall of the reservoir were reported by the engineers"
    server = ChatServer(
        {"item_0": restated}, {"item_0": "The bridge reopens next Monday morning."}, {"a": "x"}
    )
    folder = tmp_path / "run"
    with recording_into(folder, "all", [DAM, BRIDGE]):
        send(server, body(DAM.text, "claims"), body(BRIDGE.text, "claims"), task_body(restated, "explain"))
    assert [task for task, _ in recorded(folder / "dam.yaml")] == ["claims", "explain"]
    assert [task for task, _ in recorded(folder / "bridge.yaml")] == ["claims"]
    assert not (folder / f"{UNASSIGNED}.yaml").exists()


def test_a_failed_recording_leaves_later_replays_intercepting_every_request(tmp_path: Path) -> None:
    # vcrpy skips its unpatching when saving raises; the failure is raised after the cassette closed.
    folder = tmp_path / "run"
    with pytest.raises(ValueError, match="show none of the articles"), recording_into(folder, "all", [DAM]):
        send(Server(), body(DAM.text, "claims"), body("An unrelated text with no article in it.", "x"))
    server = Server()
    with replaying(folder / "dam.yaml"):
        gc.collect()  # a recording left open would unpatch now, in the middle of a later test
        assert asyncio.run(send_async(server, body(DAM.text, "claims"))) == 1
    assert server.seen == 0


async def send_async(server: Callable[[httpx2.Request], httpx2.Response], content: bytes) -> int:
    async def answer(request: httpx2.Request) -> httpx2.Response:
        return server(request)

    async with httpx2.AsyncClient(transport=httpx2.MockTransport(answer)) as client:
        response = await client.post("http://model.test/v1/chat/completions", content=content)
        return int(response.json()["answer"])
