"""Backfills through the OpenAI Batch API: upload the first-attempt requests, poll, collect into the response cache.

The collected answers land in the same response cache a live run reads, so the
ordinary pipeline then builds the digests with no live calls for them (re-asks,
if any, go live). A batch id is saved in SQLite as soon as it exists: an
interrupted backfill resumes polling the same batch instead of paying twice.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Callable

from .types import Paper

DONE = ("completed", "failed", "expired", "cancelled")


async def prefill(engine, papers: list[Paper], *, poll_interval: float = 10.0,
                  progress: Callable[[str], None] | None = None, timeout: float = 24 * 3600) -> int:
    """Answer every uncached first attempt for ``papers`` through one batch; returns how many were collected."""
    say = progress or (lambda m: None)
    llm = engine.llm
    pending: dict[str, tuple] = {}  # key -> (Prepared, arxiv id)
    for p in papers:
        if not p.abstract:
            continue
        req = engine.first_request(p)
        if llm.cached(req) is None:
            pending[req.key] = (req, p.arxiv_id)
    if not pending:
        say("batch: every request is already cached")
        return 0
    client = llm.openai()
    store = llm.store
    resumable = [b for b in store.open_batches() if set(pending) <= set(b["keys"])]
    if resumable:
        batch_id = resumable[0]["id"]
        say(f"batch: resuming {batch_id}")
    else:
        lines = "\n".join(json.dumps({"custom_id": key, "method": "POST", "url": "/v1/chat/completions",
                                      "body": req.body}) for key, (req, _) in pending.items()) + "\n"
        upload = await client.files.create(file=("digestgen-batch.jsonl", lines.encode()), purpose="batch")
        batch = await client.batches.create(input_file_id=upload.id, endpoint="/v1/chat/completions",
                                            completion_window="24h")
        batch_id = batch.id
        store.save_batch(batch_id, llm.run_id, upload.id, batch.status, list(pending))
        say(f"batch: submitted {batch_id} with {len(pending)} requests")
    started = time.monotonic()
    while True:
        batch = await client.batches.retrieve(batch_id)
        store.set_batch_status(batch_id, batch.status)
        if batch.status in DONE:
            break
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"batch {batch_id} still {batch.status}; run again to resume polling")
        say(f"batch: {batch_id} {batch.status}")
        await asyncio.sleep(poll_interval)
    if batch.status != "completed" or not batch.output_file_id:
        say(f"batch: {batch_id} ended {batch.status}; the rows will be generated live")
        return 0
    content = await client.files.content(batch.output_file_id)
    collected = 0
    for line in content.text.splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        key = item.get("custom_id")
        resp = (item.get("response") or {})
        if key not in pending or resp.get("status_code") != 200:
            continue
        body = resp["body"]
        text = body["choices"][0]["message"]["content"] or ""
        usage = body.get("usage") or {}
        req, arxiv_id = pending[key]
        llm.record(req, text, usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0), arxiv_id=arxiv_id,
                   batch=True)
        collected += 1
    store.set_batch_status(batch_id, "collected")
    say(f"batch: collected {collected} answers")
    return collected
