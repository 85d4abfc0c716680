"""What every test shares: a guard against unrecorded model requests, and the replayed seed analyses.

The guard. Outside recording mode (`COUNTERCLAIM_RECORD`), a test reaches no server but its own: a
request is answered by a cassette (vcrpy, which never opens a socket), a mock transport (neither), or a
server the test process itself started on loopback (a socket it bound, or an embedded model server of
an `e2e` test). Anything else, a DNS lookup or a connection to another address or to a loopback port
this process does not serve (a model someone is running on the machine), is refused before any byte
leaves, and the test fails at teardown naming what it tried to reach, even when the code under test
turns the refusal into an error the test expected. An embedded model server may only start in a test
marked `e2e` (the tiny SmolLM2), so no test can load the real model by accident.

A test that means to send requests nothing answers (to show a cache needs no server, or how failures
are reported) marks itself `no_server`: its connections are refused as by an address nothing listens
on, and that is no failure.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest

from counterclaim.llm import local_server
from counterclaim.models import Analysis, AnalysisScope
from counterclaim.pipeline.analyze import PipelineName, run_pipeline
from recording import SeedArticle, recorded_client, recording, seed, seed_cassette

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class UnrecordedRequest(ConnectionRefusedError):
    """A test tried to reach a server that is neither a recording nor its own."""


class NetworkGuard:
    """Refuses, and remembers, every attempt to reach a server the test process did not start."""

    def __init__(self) -> None:
        self.own_ports: set[int] = set()
        """Loopback ports served by this process: sockets it bound, embedded servers it started."""
        self.attempts: list[str] = []
        """What the running test tried to reach (cleared for each test)."""
        self.tolerated = False
        """The running test is marked `no_server`: refusals are expected, not failures."""
        self.model_servers_allowed = False
        """The running test is marked `e2e` (it starts the tiny SmolLM2 on purpose)."""
        self.starting_server = False
        """An embedded model server is starting (it is polled on loopback until it answers)."""

    def refuse(self, what: str) -> UnrecordedRequest:
        if not self.tolerated:
            self.attempts.append(what)
        return UnrecordedRequest(f"test guard: {what} is neither a recording nor a server of this test")

    def allows(self, host: str, port: int) -> bool:
        try:
            loopback = ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            loopback = host in _LOOPBACK_NAMES
        return loopback and (port in self.own_ports or self.starting_server)


GUARD = NetworkGuard()


def _inet(address: Any, family: int) -> tuple[str, int] | None:
    if family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
        return str(address[0]), int(address[1])
    return None  # a Unix socket, a socket pair: not the network


def _install_guard() -> None:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_bind = socket.socket.bind
    real_getaddrinfo = socket.getaddrinfo
    real_start = local_server.LocalServer.start

    def checked(sock: socket.socket, address: Any) -> None:
        target = _inet(address, sock.family)
        if target is not None and not GUARD.allows(*target):
            raise GUARD.refuse(f"a connection to {target[0]}:{target[1]}")

    def connect(self: socket.socket, address: Any) -> None:
        checked(self, address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        checked(self, address)
        return real_connect_ex(self, address)

    def bind(self: socket.socket, address: Any) -> None:
        real_bind(self, address)
        if _inet(address, self.family) is not None:
            GUARD.own_ports.add(int(self.getsockname()[1]))

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name not in _LOOPBACK_NAMES:
            try:
                ipaddress.ip_address(str(name).split("%")[0])
            except ValueError:
                raise socket.gaierror(
                    socket.EAI_NONAME, str(GUARD.refuse(f"a DNS lookup of {name!r}"))
                ) from None
        return real_getaddrinfo(host, *args, **kwargs)

    def start(self: local_server.LocalServer) -> local_server.LocalServer:
        if not GUARD.model_servers_allowed:
            GUARD.attempts.append(f"an embedded model server for {self.model_path.name}")
            raise RuntimeError("test guard: only tests marked e2e may start an embedded model server")
        GUARD.starting_server = True
        try:
            started = real_start(self)
        finally:
            GUARD.starting_server = False
        GUARD.own_ports.add(int(started.base_url.rsplit(":", 1)[1].split("/")[0]))
        return started

    socket.socket.connect = connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign,assignment]
    socket.socket.bind = bind  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = getaddrinfo
    local_server.LocalServer.start = start  # type: ignore[method-assign]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "no_server: the test sends requests nothing answers, on purpose (the guard refuses them quietly)",
    )
    if not recording():
        _install_guard()


@pytest.fixture(autouse=True)
def _no_unrecorded_requests(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails the test that tried to reach a server that is neither a recording nor its own."""
    GUARD.attempts.clear()
    GUARD.tolerated = request.node.get_closest_marker("no_server") is not None
    GUARD.model_servers_allowed = request.node.get_closest_marker("e2e") is not None
    yield
    attempts, GUARD.attempts = list(GUARD.attempts), []
    if attempts and not recording():
        pytest.fail(
            "unrecorded model request(s): " + "; ".join(dict.fromkeys(attempts)) + ". Replay a cassette "
            "(tests/recording.py), use a mock transport, or mark the test no_server if nothing must answer.",
            pytrace=False,
        )


# --- shared fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def no_counterclaim_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No `COUNTERCLAIM_*` setting or OpenAI key from the developer's environment reaches the test."""
    for name in [n for n in os.environ if n.startswith("COUNTERCLAIM_") or n == "OPENAI_API_KEY"]:
        monkeypatch.delenv(name)


@cache
def replayed_seed_analysis(
    file_stem: str, scope: AnalysisScope = "full", pipeline: PipelineName = "staged"
) -> Analysis:
    """A seed article analysed from the recorded seed eval (its own cassette only), once per session."""
    article = seed(file_stem)

    async def run() -> Analysis:
        async with recorded_client(seed_cassette(pipeline, article), replay_only=True) as client:
            return await run_pipeline(article.text, client, pipeline=pipeline, scope=scope)

    return asyncio.run(run())


@pytest.fixture(scope="session")
def seed_analysis() -> Callable[..., Analysis]:
    """`seed_analysis("nato-russia-troop-buildup-2022-02-16", scope="full")`: a seed article's replayed
    analysis, made once per session and shared by every test that reads it."""
    return replayed_seed_analysis


@pytest.fixture(scope="session")
def seed_article() -> Callable[[str], SeedArticle]:
    """`seed_article("<file name in seeds/ without .json>")`: the labeled seed (id, path, text)."""
    return seed
