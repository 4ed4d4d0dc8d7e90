"""forward_backward with a loss_fn_config holding numbers and a string: 0.38.0 writes numbers to both
loss_fn_config (field 5) and loss_fn_config_v2 (field 7), strings to v2 only."""
from scenarios._common import BATCH, batch, training_client


def run(h):
    _, tc = training_client(h)
    config = {"clip_low": 0.2, "clip_high": 1, "mode": "token"}
    h.call("TrainingClient.forward_backward", lambda: tc.forward_backward(batch(), "cross_entropy", config).result(),
           {"data": BATCH, "loss_fn": "cross_entropy", "loss_fn_config": config})
