"""Shared inputs, so the TypeScript replays can build exactly the same values."""
from __future__ import annotations

BASE_MODEL = "Qwen/Qwen3-8B"


def datum(tokens: list[int]):
    """A next-token datum: model_input = tokens[:-1], target_tokens = tokens[1:], weights 1."""
    from tinker import types

    return types.Datum(
        model_input=types.ModelInput.from_ints(tokens[:-1]),
        loss_fn_inputs={"target_tokens": tokens[1:], "weights": [1.0] * (len(tokens) - 1)},
    )


BATCH = [[1, 2, 3, 4, 5], [7, 8, 9], [10, 11, 12, 13]]


def batch(rows: list[list[int]] = BATCH):
    return [datum(r) for r in rows]


def adam(lr: float = 1e-3):
    from tinker import types

    return types.AdamParams(learning_rate=lr)


def training_client(h, sc=None, **kwargs):
    """create_lora_training_client(BASE_MODEL, rank=4) recorded as a call."""
    sc = sc or h.service_client()
    args = {"base_model": BASE_MODEL, "rank": 4, **kwargs}
    tc = h.call("ServiceClient.create_lora_training_client", lambda: sc.create_lora_training_client(**args).result(), args)
    return sc, tc


def train_step(h, tc, rows=BATCH, lr: float = 1e-3):
    h.call("TrainingClient.forward_backward", lambda: tc.forward_backward(batch(rows), "cross_entropy").result(),
           {"data": rows, "loss_fn": "cross_entropy"})
    h.call("TrainingClient.optim_step", lambda: tc.optim_step(adam(lr)).result(), {"adam_params": {"learning_rate": lr}})
