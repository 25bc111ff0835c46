"""An optional OpenAI-compatible model for summaries and sentiment, with offline fallback.

Only redacted text is sent, and ``LlmClient`` re-checks it with ``find_pii`` before sending.
``enrich`` swaps the offline summary and/or sentiment of an ``analyze`` result for the model's
answers; any failure keeps the offline value and records why, so no document is lost.
"""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from c360.text.redact import find_pii, redact

if TYPE_CHECKING:
    from c360.config import Project

LABELS = ("positive", "neutral", "negative")
MAX_RESPONSE_BYTES = 1_000_000
MAX_CONSECUTIVE_FAILURES = 5
"""After this many failed calls in a row the client stops calling, so a dead endpoint costs a
few timeouts per process rather than one or two per document."""

_LANGUAGES = {"fr": "French", "en": "English", "de": "German", "es": "Spanish"}
_SUMMARY_PROMPT = (
    "Summarise the customer note or e-mail below in one or two sentences, in {language}. "
    "Keep placeholders such as [PERSON] or [EMAIL] as they are. Answer with the summary only."
)
_SENTIMENT_PROMPT = (
    "What is the customer's sentiment in the note or e-mail below (written in {language})? "
    "Answer with exactly one word: positive, neutral or negative."
)


class LlmError(Exception):
    """The model gave no usable answer; the message is a short reason, safe to record."""


class LlmRefused(LlmError):
    """The text about to be sent still holds personal data, so it was not sent."""


class LlmClient:
    """``POST {base_url}/chat/completions`` with urllib; answers checked, failures as LlmError."""

    def __init__(
        self, base_url: str, model: str, api_key: str | None = None, timeout: float = 10.0
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be http(s), not {base_url!r}")
        # Here, not at the top: a worker that imports this module needs neither the project
        # file's models nor pydantic (a client reaches it pickled, made where they are loaded).
        from c360.config import plain_http_refused

        if refused := plain_http_refused(base_url):
            raise ValueError(f"base_url: {refused}")
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.failures = 0  # consecutive failed calls

    def summarise(self, redacted_text: str, language: str) -> str:
        """A one- or two-sentence summary; re-redacted in case the model invents a name."""
        answer = " ".join(self._ask(_SUMMARY_PROMPT, redacted_text, language).split())
        return redact(answer, language)[0]

    def sentiment(self, redacted_text: str, language: str) -> str:
        """positive, neutral or negative; any other answer is an LlmError."""
        answer = self._ask(_SENTIMENT_PROMPT, redacted_text, language)
        label = answer.strip().strip(".!\"'`*").lower()
        if label not in LABELS:
            raise LlmError("sentiment answer not one of " + "|".join(LABELS))
        return label

    def _ask(self, prompt: str, text: str, language: str) -> str:
        if find_pii(text, language):
            raise LlmRefused("text still holds personal data; not sent")
        if self.failures >= MAX_CONSECUTIVE_FAILURES:
            raise LlmError(f"endpoint skipped after {self.failures} failures in a row")
        try:
            answer = self._post(
                prompt.format(language=_LANGUAGES.get(language, "its language")), text
            )
        except LlmError:
            self.failures += 1
            raise
        self.failures = 0
        return answer

    def _post(self, system: str, text: str) -> str:
        body = {
            "model": self.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": text}],
            "temperature": 0,
        }
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(
            self.url, data=json.dumps(body).encode(), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read(MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise LlmError(f"HTTP {exc.code}") from None
        except urllib.error.URLError as exc:
            raise LlmError(f"unreachable: {_reason(exc.reason)}") from None
        except (OSError, http.client.HTTPException) as exc:  # timeouts, resets, bad responses
            raise LlmError(f"unreachable: {_reason(exc)}") from None
        if len(raw) > MAX_RESPONSE_BYTES:
            raise LlmError("response too large")
        try:
            content = json.loads(raw)["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise LlmError("malformed response") from None
        if not isinstance(content, str) or not content.strip():
            raise LlmError("empty answer")
        return content


def _reason(error: object) -> str:
    if isinstance(error, TimeoutError):
        return "timed out"
    return type(error).__name__ if isinstance(error, Exception) else str(error)


def enrich(
    result: dict[str, Any], client: LlmClient | None, use_for: Iterable[str]
) -> dict[str, Any]:
    """``result`` (from ``analyze``) with summary/sentiment from the model where it answered.

    Each part the model answered has its ``<part>_by`` set to the model's name. Adds ``"llm":
    "used"``, or ``"llm": "fallback: <part>: <reason>"`` when a part kept its offline value.
    Without a client the result is returned unchanged.
    """
    if client is None:
        return result
    out = dict(result)
    text, language = result["redacted_text"], result["language"]
    failed: list[str] = []
    for part in ("summary", "sentiment"):
        if part not in use_for:
            continue
        ask = client.summarise if part == "summary" else client.sentiment
        try:
            out[part] = ask(text, language)
            out[f"{part}_by"] = client.model
        except LlmError as exc:
            failed.append(f"{part}: {exc}")
    out["llm"] = "fallback: " + "; ".join(failed) if failed else "used"
    return out


def client_from_project(project: Project) -> LlmClient | None:
    """The client the project file asks for, or None when it stays offline."""
    llm = project.text.llm
    if llm is None:
        return None
    api_key = os.environ.get(llm.api_key_env) or None
    return LlmClient(llm.base_url, llm.model, api_key, llm.timeout_seconds)
