"""Runs one capture scenario with the official Tinker Python SDK and records what each public call
returned to its caller.

    python harness.py describe NAME             -> JSON {"flags": {...}, "faults": [...]} on stdout
    python harness.py run NAME BASE_URL OUT     -> runs scenarios/NAME.py against BASE_URL, writes OUT

The server side of the capture (every HTTP exchange) is recorded by the emulator; this file only
records the caller's view: for each call, its name, its arguments and the value it returned (or the
error it raised), as JSON.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import importlib
import json
import math
import os
import platform
import sys
import traceback
import warnings
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# Telemetry is a background side channel of the Python SDK, not part of any scenario.
os.environ.setdefault("TINKER_TELEMETRY", "0")
warnings.simplefilter("ignore")

API_KEY = "tml-compat-capture"


def to_json(value: Any) -> Any:
    """What the SDK returned, as plain JSON (NaN becomes null, as on the wire)."""
    import numpy as np
    from pydantic import BaseModel

    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, enum.Enum):
        return to_json(value.value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, np.ndarray):
        return to_json(value.tolist())
    if isinstance(value, np.generic):
        return to_json(value.item())
    if isinstance(value, BaseModel):
        # Field by field (not model_dump) so nested SDK dataclasses such as TensorData keep their data.
        return {name: to_json(getattr(value, name)) for name in type(value).model_fields}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclass_to_json(value)
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    cls = type(value).__name__
    if cls == "TrainingClient":
        return {"$client": "TrainingClient", "model_id": value.model_id}
    if cls == "SamplingClient":
        return {"$client": "SamplingClient"}
    if cls == "RestClient":
        return {"$client": "RestClient"}
    return {"$repr": repr(value)}


def dataclass_to_json(value: Any) -> Any:
    """SampleResponse / SampledSequence are dataclasses whose public values are properties."""
    cls = type(value).__name__
    if cls == "SampledSequence":
        out = {
            "stop_reason": to_json(value.stop_reason),
            "tokens": to_json(value.tokens),
            "logprobs": to_json(value.logprobs),
            "sequence_id": value.sequence_id,
        }
        topk = getattr(value, "topk_logprobs", None)
        if topk is not None:
            out["topk_logprobs"] = to_json(topk)
        return out
    if cls == "TensorData":
        out = {"data": to_json(value.data), "dtype": value.dtype, "shape": to_json(value.shape)}
        if value.sparse_crow_indices is not None:
            out["sparse_crow_indices"] = to_json(value.sparse_crow_indices)
            out["sparse_col_indices"] = to_json(value.sparse_col_indices)
        return out
    if cls == "SampleResponse":
        out = {
            "sequences": [to_json(s) for s in value.sequences],
            "prompt_logprobs": to_json(value.prompt_logprobs),
            "topk_prompt_logprobs": to_json(value.topk_prompt_logprobs),
            "prompt_cache_hit_tokens": value.prompt_cache_hit_tokens,
        }
        return out
    return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}


def error_to_json(err: BaseException) -> dict[str, Any]:
    out: dict[str, Any] = {"type": type(err).__name__, "message": str(err)}
    status = getattr(err, "status_code", None)
    if status is not None:
        out["status_code"] = status
    category = getattr(err, "category", None)
    if category is not None:
        out["category"] = to_json(category)
    return out


class Harness:
    """What a scenario gets: clients pointed at the emulator, and `call` to record a public call."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.calls: list[dict[str, Any]] = []

    def service_client(self, **kwargs: Any):
        import tinker

        return tinker.ServiceClient(base_url=self.base_url, api_key=API_KEY, **kwargs)

    def rest_client(self):
        import tinker

        return tinker.RestClient(base_url=self.base_url, api_key=API_KEY)

    def call(self, name: str, fn: Callable[[], Any], args: dict[str, Any] | None = None, *, expect_error: bool = False) -> Any:
        """Runs fn (which must return the SDK's final value, i.e. after .result()) and records it."""
        entry: dict[str, Any] = {"call": name, "args": to_json(args or {})}
        try:
            value = fn()
        except Exception as err:  # the error is what the caller saw
            entry["raised"] = error_to_json(err)
            self.calls.append(entry)
            if not expect_error:
                raise
            return err
        entry["returned"] = to_json(value)
        self.calls.append(entry)
        if expect_error:
            raise AssertionError(f"{name} was expected to raise, returned {value!r}")
        return value


def load(name: str):
    return importlib.import_module(f"scenarios.{name}")


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "describe":
        mod = load(argv[1])
        print(json.dumps({
            "description": (mod.__doc__ or "").strip(),
            "flags": getattr(mod, "FLAGS", {}),
            "faults": getattr(mod, "FAULTS", []),
            "options": getattr(mod, "EMULATOR_OPTIONS", {}),
        }))
        return 0
    if len(argv) == 4 and argv[0] == "run":
        import tinker

        name, base_url, out = argv[1], argv[2], argv[3]
        harness = Harness(base_url)
        status = "ok"
        try:
            load(name).run(harness)
        except Exception:
            traceback.print_exc()
            status = "failed"
        Path(out).write_text(json.dumps({
            "sdk": {"name": "tinker", "version": tinker.__version__},
            "python": platform.python_version(),
            "status": status,
            "calls": harness.calls,
        }, indent=2) + "\n")
        return 0 if status == "ok" else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
