"""Python side of the live checkpoint-sharing matrix (packages/compat-tests/test/matrix.test.ts).

    python matrix.py save BASE_URL API_KEY NAME   -> {"path": tinker path, "continuation": [...]}
    python matrix.py load BASE_URL API_KEY PATH   -> {"continuation": [...]}
    python matrix.py load-weights-only BASE_URL API_KEY PATH   (control: load_state, optimizer reset)
    python matrix.py from-state BASE_URL API_KEY PATH   (create_training_client_from_state_with_optimizer)
    python matrix.py serve    one JSON command per stdin line ({"op","base_url","api_key","arg"}),
                              one JSON result per stdout line, so the SDK is imported once

The recipe (model, seeds, learning rate, batches) is matrix-recipe.json, shared with the TypeScript side.
Each continuation step records the forward_backward loss and logprobs and the optim_step metrics.
"""
from __future__ import annotations

import json
import os
import sys
import warnings
from pathlib import Path

from scenarios._common import batch

os.environ.setdefault("TINKER_TELEMETRY", "0")
warnings.simplefilter("ignore")

RECIPE = json.loads((Path(__file__).resolve().parent / "matrix-recipe.json").read_text())


def step(tc, rows):
    from tinker import types

    out = tc.forward_backward(batch(rows), "cross_entropy").result()
    optim = tc.optim_step(types.AdamParams(learning_rate=RECIPE["learning_rate"])).result()
    return {
        "loss": out.metrics["loss:sum"],
        "logprobs": [o["logprobs"].data for o in out.loss_fn_outputs],
        "optim_metrics": optim.metrics,
    }


def continue_from(tc):
    return [step(tc, rows) for rows in RECIPE["continuation"]]


def client(base_url, api_key, seed):
    import tinker

    sc = tinker.ServiceClient(base_url=base_url, api_key=api_key)
    return sc, sc.create_lora_training_client(base_model=RECIPE["base_model"], rank=RECIPE["rank"], seed=seed).result()


def serve():
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            cmd = json.loads(line)
            result = run(cmd["op"], cmd["base_url"], cmd["api_key"], cmd["arg"])
        except Exception as err:  # reported to the caller, which fails its test with it
            result = {"error": f"{type(err).__name__}: {err}"}
        print(json.dumps(result), flush=True)
    return 0


def main(argv):
    if argv == ["serve"]:
        return serve()
    if len(argv) != 4 or argv[0] not in ("save", "load", "load-weights-only", "from-state"):
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(run(*argv)))
    return 0


def run(mode, base_url, api_key, arg):
    if mode == "from-state":
        import tinker

        sc = tinker.ServiceClient(base_url=base_url, api_key=api_key)
        try:
            tc = sc.create_training_client_from_state_with_optimizer(arg).result()
            return {"continuation": continue_from(tc)}
        finally:
            sc.close("success").result()
    sc, tc = client(base_url, api_key, RECIPE["saver_seed" if mode == "save" else "loader_seed"])
    try:
        if mode == "save":
            for rows in RECIPE["warmup"]:
                step(tc, rows)
            path = tc.save_state(arg).result().path
            return {"path": path, "continuation": continue_from(tc)}
        if mode == "load":
            tc.load_state_with_optimizer(arg).result()
        else:
            tc.load_state(arg).result()
        return {"continuation": continue_from(tc)}
    finally:
        sc.close("success").result()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
