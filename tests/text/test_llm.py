"""The optional LLM path against a local stand-in for an OpenAI-compatible endpoint."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from c360.config import Llm, Project, Text
from c360.contracts.text import NOTES
from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.bronze.land import land_all
from c360.text.analyze import analyze, build_text_silver
from c360.text.llm import (
    MAX_CONSECUTIVE_FAILURES,
    LlmClient,
    LlmRefused,
    client_from_project,
    enrich,
)
from tests.text.test_analyze import note, write_bronze

NOTE = (
    "Spoke with Marie Dubois (marie.dubois@example.fr, +33 6 12 34 56 78) today. "
    "She is furious: the delivery of her order arrived broken and nobody called back."
)
CLEAR_TEXT = ("Marie", "Dubois", "marie.dubois@example.fr", "12 34 56 78")


@dataclass
class Endpoint:
    """What the stand-in answers (``mode``) and every request body it received."""

    url: str
    mode: str = "good"
    sentiment: str = "Negative."
    bodies: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


def _handler(endpoint: Endpoint) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            endpoint.bodies.append(body)
            endpoint.headers.append(dict(self.headers))
            if endpoint.mode == "sleep":  # answers only once the test is over
                endpoint.release.wait(30)
            if endpoint.mode == "500":
                self.send_error(500)
                return
            system = body["messages"][0]["content"]
            answer = endpoint.sentiment if "sentiment" in system else "Parcel arrived broken."
            payload = json.dumps({"choices": [{"message": {"content": answer}}]}).encode()
            if endpoint.mode == "badjson":
                payload = payload[:-7]
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except OSError:  # the client gave up (timeout test)
                pass

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def endpoint() -> Iterator[Endpoint]:
    state = Endpoint(url="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    state.release.set()
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def offline() -> dict[str, Any]:
    return analyze(NOTE, "en")


def _client(endpoint: Endpoint, timeout: float = 5.0) -> LlmClient:
    return LlmClient(endpoint.url, "test-model", None, timeout)


def test_good_answers_replace_the_offline_ones(endpoint: Endpoint, offline: dict[str, Any]) -> None:
    endpoint.sentiment = "Positive"  # differs from the offline label, so the swap shows
    out = enrich(offline, _client(endpoint), ["summary", "sentiment"])
    assert (out["summary"], out["sentiment"], out["llm"]) == (
        "Parcel arrived broken.",
        "positive",
        "used",
    )
    assert (out["summary_by"], out["sentiment_by"]) == ("test-model", "test-model")
    assert out["topic"] == offline["topic"] and "llm" not in offline  # input left alone
    body = endpoint.bodies[0]
    assert (body["model"], body["temperature"], len(endpoint.bodies)) == ("test-model", 0, 2)
    assert [m["role"] for m in body["messages"]] == ["system", "user"]


def test_the_endpoint_sees_only_redacted_text(endpoint: Endpoint, offline: dict[str, Any]) -> None:
    enrich(offline, _client(endpoint), ["summary", "sentiment"])
    sent = json.dumps(endpoint.bodies)
    assert "[PERSON]" in sent and "[EMAIL]" in sent and "[PHONE]" in sent
    assert not [clear for clear in CLEAR_TEXT if clear in sent]


def test_clear_text_is_refused_before_any_request(endpoint: Endpoint) -> None:
    with pytest.raises(LlmRefused):
        _client(endpoint).summarise(NOTE, "en")
    assert endpoint.bodies == []


def test_use_for_limits_what_is_asked(endpoint: Endpoint, offline: dict[str, Any]) -> None:
    out = enrich(offline, _client(endpoint), ["sentiment"])
    assert out["summary"] == offline["summary"] and out["sentiment"] == "negative"
    assert (out["summary_by"], out["sentiment_by"]) == ("offline", "test-model")
    assert len(endpoint.bodies) == 1
    assert enrich(offline, None, ["summary"]) == offline  # no client: offline, unchanged


@pytest.mark.parametrize(
    ("mode", "sentiment", "reason"),
    [
        ("sleep", "negative", "unreachable: timed out"),
        ("500", "negative", "HTTP 500"),
        ("badjson", "negative", "malformed response"),
        ("good", "somewhat upset", "not one of positive|neutral|negative"),
    ],
)
def test_failures_fall_back_to_offline_with_the_reason(
    endpoint: Endpoint, offline: dict[str, Any], mode: str, sentiment: str, reason: str
) -> None:
    endpoint.mode, endpoint.sentiment = mode, sentiment
    out = enrich(offline, _client(endpoint, timeout=0.2 if mode == "sleep" else 5.0), ["sentiment"])
    assert out["sentiment"] == offline["sentiment"]
    assert out["llm"].startswith("fallback: sentiment: ") and reason in out["llm"]
    assert {k: v for k, v in out.items() if k != "llm"} == offline  # nothing else lost


def test_one_part_failing_keeps_the_other(endpoint: Endpoint, offline: dict[str, Any]) -> None:
    endpoint.sentiment = "maybe"
    out = enrich(offline, _client(endpoint), ["summary", "sentiment"])
    assert out["summary"] == "Parcel arrived broken." and out["sentiment"] == offline["sentiment"]
    assert out["llm"].startswith("fallback: sentiment: ")
    assert (out["summary_by"], out["sentiment_by"]) == ("test-model", "offline")


def test_a_closed_port_falls_back(offline: dict[str, Any]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = LlmClient(f"http://127.0.0.1:{port}/v1", "m", timeout=1)
    out = enrich(offline, client, ["summary"])
    assert out["summary"] == offline["summary"] and "unreachable" in out["llm"]


def test_a_dead_endpoint_is_skipped_after_repeated_failures(
    endpoint: Endpoint, offline: dict[str, Any]
) -> None:
    endpoint.mode = "500"
    client = _client(endpoint)
    for _ in range(MAX_CONSECUTIVE_FAILURES + 2):
        out = enrich(offline, client, ["sentiment"])
    assert len(endpoint.bodies) == MAX_CONSECUTIVE_FAILURES
    assert "skipped after" in out["llm"]


def test_client_from_project_reads_the_key_from_the_environment(
    endpoint: Endpoint, offline: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert client_from_project(Project()) is None
    monkeypatch.setenv("C360_LLM_API_KEY", "sk-test")
    project = Project(text=Text(llm=Llm(base_url=endpoint.url, model="m", timeout_seconds=2)))
    client = client_from_project(project)
    assert client is not None and client.timeout == 2
    enrich(offline, client, project.text.llm.use_for if project.text.llm else [])
    assert {h.get("Authorization") for h in endpoint.headers} == {"Bearer sk-test"}


def test_only_http_urls_are_accepted() -> None:
    with pytest.raises(ValueError, match="http"):
        LlmClient("file:///etc/passwd", "m")


@pytest.mark.parametrize(
    "url", ["http://llm.example.com/v1", "http://192.168.1.20:8000/v1", "http://[::2]/v1"]
)
def test_plain_http_to_another_machine_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="use https://"):
        LlmClient(url, "m")


@pytest.mark.parametrize(
    "url", ["http://localhost:8000/v1", "http://127.0.0.2/v1", "http://[::1]/v1",
            "https://llm.example.com/v1"],
)  # fmt: skip
def test_https_or_plain_http_on_this_machine_is_accepted(url: str) -> None:
    assert LlmClient(url, "m").url == url + "/chat/completions"


def test_analyze_asks_the_configured_model_about_redacted_text(endpoint: Endpoint) -> None:
    out = analyze(NOTE, "en", llm=_client(endpoint), llm_use_for=["summary"])
    assert (out["summary"], out["llm"]) == ("Parcel arrived broken.", "used")
    sent = json.dumps(endpoint.bodies)
    assert not any(clear in sent for clear in CLEAR_TEXT)


def test_the_silver_text_layer_uses_the_project_model(endpoint: Endpoint, tmp_path: Path) -> None:
    generate(tmp_path / "ws", Plan(seed=4, scale=0.01))
    ws = tmp_path / "ws"
    (ws / "c360.yaml").write_text(
        f"text:\n  llm:\n    base_url: {endpoint.url}\n    model: m\n    use_for: [summary]\n"
    )
    land_all(ws)
    rows = build_text_silver(ws)
    notes = lake.read_table(ws, "silver", "stg_notes")
    assert rows["stg_notes"] == notes.num_rows > 0
    assert set(notes.column("summary").to_pylist()) == {"Parcel arrived broken."}
    # Each row says who gave its summary (the model, by name) and its sentiment (not asked).
    assert set(notes.column("summary_by").to_pylist()) == {"m"}
    assert set(notes.column("sentiment_by").to_pylist()) == {"offline"}
    emails = lake.read_table(ws, "silver", "stg_email_bodies")
    assert emails.num_rows > 0 and set(emails.column("summary_by").to_pylist()) == {"m"}


def test_rows_the_model_did_not_answer_say_offline(endpoint: Endpoint, tmp_path: Path) -> None:
    """The model answers the summary but never a usable sentiment: per row, the summary is the
    model's and the sentiment the offline method's."""
    write_bronze(
        tmp_path,
        NOTES.name,
        [note("CUST_000001"), note("CUST_000002", "Client ravi, très satisfait.")],
    )
    endpoint.sentiment = "it depends"
    (tmp_path / "c360.yaml").write_text(
        f"text:\n  llm:\n    base_url: {endpoint.url}\n    model: local-7b\n"
        "    use_for: [summary, sentiment]\n"
    )
    build_text_silver(tmp_path)
    notes = lake.read_table(tmp_path, "silver", "stg_notes").to_pylist()
    assert [(r["summary"], r["summary_by"], r["sentiment_by"]) for r in notes] == [
        ("Parcel arrived broken.", "local-7b", "offline"),
        ("Parcel arrived broken.", "local-7b", "offline"),
    ]
    assert [r["sentiment"] for r in notes] == ["negative", "positive"]


def test_e_mails_ask_the_model_for_no_sentiment(endpoint: Endpoint, tmp_path: Path) -> None:
    """stg_email_bodies keeps no sentiment, so the model is asked one only per note."""
    generate(tmp_path / "ws", Plan(seed=4, scale=0.01))
    ws = tmp_path / "ws"
    (ws / "c360.yaml").write_text(
        f"text:\n  llm:\n    base_url: {endpoint.url}\n    model: m\n"
        "    use_for: [summary, sentiment]\n"
    )
    land_all(ws)
    rows = build_text_silver(ws)
    asked = [body["messages"][0]["content"] for body in endpoint.bodies]
    sentiments = sum("sentiment" in system for system in asked)
    assert rows["stg_notes"] > 0 and rows["stg_email_bodies"] > 0
    assert sentiments == rows["stg_notes"]
    assert len(asked) - sentiments == rows["stg_notes"] + rows["stg_email_bodies"]
