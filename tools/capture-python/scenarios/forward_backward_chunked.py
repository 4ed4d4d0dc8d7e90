"""forward_backward on 5 datums with the server's fwdbwd_max_chunk_len=2: three chunks (seq_ids 1..3),
sent in parallel with the first chunk last; then an optim_step (seq_id 4)."""
from scenarios._common import adam, batch, training_client

FLAGS = {"fwdbwd_max_chunk_len": 2}
ROWS = [[1, 2, 3], [4, 5, 6, 7], [8, 9], [10, 11, 12], [13, 14, 15, 16, 17]]


def run(h):
    _, tc = training_client(h)
    h.call("TrainingClient.forward_backward", lambda: tc.forward_backward(batch(ROWS), "cross_entropy").result(),
           {"data": ROWS, "loss_fn": "cross_entropy"})
    h.call("TrainingClient.optim_step", lambda: tc.optim_step(adam()).result(), {"adam_params": {"learning_rate": 1e-3}})
