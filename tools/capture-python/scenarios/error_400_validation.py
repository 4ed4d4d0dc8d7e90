"""A request the service rejects with a 400 and its own message: forward_backward with a loss function
the emulator does not run (ppo). Not retried; BadRequestError; the client stays usable."""
from scenarios._common import BATCH, batch, training_client, train_step


def run(h):
    _, tc = training_client(h)
    h.call("TrainingClient.forward_backward", lambda: tc.forward_backward(batch(), "ppo").result(),
           {"data": BATCH, "loss_fn": "ppo"}, expect_error=True)
    train_step(h, tc)
