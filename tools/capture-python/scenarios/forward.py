"""forward (forward_only) on a small batch, before and after a training step."""
from scenarios._common import BATCH, batch, training_client, train_step


def run(h):
    _, tc = training_client(h)
    h.call("TrainingClient.forward", lambda: tc.forward(batch(), "cross_entropy").result(), {"data": BATCH, "loss_fn": "cross_entropy"})
    train_step(h, tc)
    h.call("TrainingClient.forward", lambda: tc.forward(batch(), "cross_entropy").result(), {"data": BATCH, "loss_fn": "cross_entropy"})
