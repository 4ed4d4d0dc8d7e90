"""optim_step with default AdamParams, then every Adam field set."""
from scenarios._common import BATCH, batch, training_client


def run(h):
    from tinker import types

    _, tc = training_client(h)
    for params in ({}, {"learning_rate": 5e-4, "beta1": 0.8, "beta2": 0.99, "eps": 1e-8, "weight_decay": 0.01, "grad_clip_norm": 1.0}):
        h.call("TrainingClient.forward_backward", lambda: tc.forward_backward(batch(), "cross_entropy").result(),
               {"data": BATCH, "loss_fn": "cross_entropy"})
        h.call("TrainingClient.optim_step", lambda: tc.optim_step(types.AdamParams(**params)).result(), {"adam_params": params})
