"""Long-lived benchmark worker for the official Tinker Python SDK.

The Node harness starts this once and sends one JSON command per line on stdin; each reply is one
JSON line on stdout. Interpreter start-up and SDK import therefore never count in a measurement.
Timings are taken with time.perf_counter_ns() around the public SDK calls only.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import time
import urllib.request
import warnings

os.environ.setdefault("TINKER_TELEMETRY", "0")
warnings.simplefilter("ignore")
logging.disable(logging.CRITICAL)

import tinker  # noqa: E402
from tinker import types  # noqa: E402

_state: dict = {}


def _ms(ns: int) -> float:
    return ns / 1e6


def setup(cmd: dict) -> dict:
    service = tinker.ServiceClient(base_url=cmd["base_url"], api_key=cmd["api_key"])
    training = service.create_lora_training_client(base_model=cmd["base_model"], rank=cmd.get("rank", 8)).result()
    _state[cmd.get("slot", "main")] = {"service": service, "training": training}
    return {"model_id": getattr(training, "model_id", None)}


def _training(cmd: dict):
    return _state[cmd.get("slot", "main")]["training"]


def persist(cmd: dict) -> dict:
    """n sequential save_state -> result, then n sequential load_state -> result (of the last save)."""
    tc = _training(cmd)
    save_ms: list[float] = []
    load_ms: list[float] = []
    path = None
    cpu0 = time.process_time_ns()
    for i in range(cmd["n"]):
        name = cmd["name_format"].replace("{i}", f"{cmd['first_index'] + i:06d}")
        t0 = time.perf_counter_ns()
        path = tc.save_state(name).result().path
        save_ms.append(_ms(time.perf_counter_ns() - t0))
    for _ in range(cmd["n"]):
        t0 = time.perf_counter_ns()
        tc.load_state(path).result()
        load_ms.append(_ms(time.perf_counter_ns() - t0))
    cpu = time.process_time_ns() - cpu0
    return {"save_ms": save_ms, "load_ms": load_ms, "last_path": path, "cpu_ms": _ms(cpu)}


def _datums(batch: int, seq_len: int, vocab: int) -> list[types.Datum]:
    out = []
    for b in range(batch):
        tokens = [(b * 7919 + j * 31) % vocab for j in range(seq_len)]
        target = tokens[1:] + [tokens[0]]
        weights = [1.0] * seq_len
        out.append(
            types.Datum(
                model_input=types.ModelInput.from_ints(tokens),
                loss_fn_inputs={"target_tokens": target, "weights": weights},
            )
        )
    return out


def pipeline(cmd: dict) -> dict:
    """n x (forward_backward + optim_step) submitted without waiting, then every result."""
    tc = _training(cmd)
    data = _datums(cmd["batch"], cmd["seq_len"], cmd["vocab"])
    adam = types.AdamParams(learning_rate=1e-4)
    cpu0 = time.process_time_ns()
    t0 = time.perf_counter_ns()
    futures = []
    for _ in range(cmd["n"]):
        futures.append(tc.forward_backward(data, "cross_entropy"))
        futures.append(tc.optim_step(adam))
    for f in futures:
        f.result()
    total = time.perf_counter_ns() - t0
    return {"total_ms": _ms(total), "cpu_ms": _ms(time.process_time_ns() - cpu0)}


def _raw_lists(batch: int, seq_len: int, vocab: int):
    rows = []
    for b in range(batch):
        tokens = [(b * 7919 + j * 31) % vocab for j in range(seq_len)]
        rows.append((tokens, tokens[1:] + [tokens[0]], [1.0] * seq_len))
    return rows


def _datums_from(rows) -> list[types.Datum]:
    return [
        types.Datum(
            model_input=types.ModelInput.from_ints(tokens),
            loss_fn_inputs={"target_tokens": target, "weights": weights},
        )
        for tokens, target, weights in rows
    ]


def encode(cmd: dict) -> dict:
    """Client-side encode of one large forward_backward batch, then one end-to-end call.

    encode_ms: plain Python lists -> Datum objects -> the SDK's protobuf request bytes (what its
    forward_backward resource does before the HTTP call), as one request.
    e2e_ms: plain Python lists -> Datum objects -> forward_backward(...).result() through the SDK
    (its own chunking included): from the same starting point as the tinker-ts driver, whose
    forwardBackward takes plain lists and converts them itself.
    """
    from tinker.proto.request_conv import forward_backward_request_to_proto

    tc = _training(cmd)
    rows = _raw_lists(cmd["batch"], cmd["seq_len"], cmd["vocab"])
    t0 = time.perf_counter_ns()
    data = _datums_from(rows)
    t1 = time.perf_counter_ns()
    request = types.ForwardBackwardRequest(
        forward_backward_input=types.ForwardBackwardInput(data=data, loss_fn="cross_entropy"),
        model_id=cmd.get("model_id") or "bench",
        seq_id=1,
    )
    body = forward_backward_request_to_proto(request).SerializeToString()
    t2 = time.perf_counter_ns()
    result = {"build_ms": _ms(t1 - t0), "serialize_ms": _ms(t2 - t1), "encode_ms": _ms(t2 - t0), "body_bytes": len(body)}
    if cmd.get("e2e", True):
        t3 = time.perf_counter_ns()
        tc.forward_backward(_datums_from(rows), "cross_entropy").result()
        result["e2e_ms"] = _ms(time.perf_counter_ns() - t3)
    return result


def download(cmd: dict) -> dict:
    """Stream an archive URL to a file with the standard library (the SDK has no download helper)."""
    t0 = time.perf_counter_ns()
    with urllib.request.urlopen(cmd["url"]) as resp, open(cmd["dest"], "wb") as f:
        shutil.copyfileobj(resp, f, 1 << 20)
    elapsed = time.perf_counter_ns() - t0
    return {"ms": _ms(elapsed), "bytes": os.path.getsize(cmd["dest"])}


def import_time(cmd: dict) -> dict:
    return {"sdk": tinker.__version__ if hasattr(tinker, "__version__") else None}


HANDLERS = {
    "setup": setup,
    "persist": persist,
    "pipeline": pipeline,
    "encode": encode,
    "download": download,
    "version": import_time,
}


def main() -> None:
    out = sys.stdout
    print(json.dumps({"ready": True}), file=out, flush=True)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        cmd = json.loads(line)
        if cmd.get("op") == "quit":
            break
        try:
            reply = {"ok": True, "result": HANDLERS[cmd["op"]](cmd)}
        except Exception as exc:  # reported to the harness, which fails the scenario loudly
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(reply), file=out, flush=True)
    for slot in _state.values():
        try:
            slot["service"].close("success")
        except Exception:
            pass
    out.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
