"""forward_backward and forward with the server flag proto_compress_fwdbwd: zstd bodies
(Content-Encoding: zstd)."""
from scenarios._common import BATCH, batch, training_client, train_step

FLAGS = {"proto_compress_fwdbwd": True}


def run(h):
    _, tc = training_client(h)
    train_step(h, tc)
    h.call("TrainingClient.forward", lambda: tc.forward(batch(), "cross_entropy").result(), {"data": BATCH, "loss_fn": "cross_entropy"})
