"""save_state, one more step, then load_state (weights only) on the same training client."""
from scenarios._common import training_client, train_step


def run(h):
    _, tc = training_client(h)
    train_step(h, tc)
    saved = h.call("TrainingClient.save_state", lambda: tc.save_state("ckpt").result(), {"name": "ckpt"})
    train_step(h, tc)
    h.call("TrainingClient.load_state", lambda: tc.load_state(saved.path).result(), {"path": saved.path})
    train_step(h, tc)
