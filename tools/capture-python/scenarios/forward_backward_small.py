"""forward_backward on one small batch (one chunk), then with a loss_fn_config."""
from scenarios._common import BATCH, batch, training_client


def run(h):
    _, tc = training_client(h)
    h.call("TrainingClient.forward_backward", lambda: tc.forward_backward(batch(), "cross_entropy").result(),
           {"data": BATCH, "loss_fn": "cross_entropy"})
    rows = [[3, 1, 4, 1, 5, 9]]
    h.call("TrainingClient.forward_backward", lambda: tc.forward_backward(batch(rows), "cross_entropy").result(),
           {"data": rows, "loss_fn": "cross_entropy"})
