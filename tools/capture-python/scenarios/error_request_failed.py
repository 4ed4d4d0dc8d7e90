"""A future that completes with an error (category user) on optim_step: RequestFailedError."""
from scenarios._common import BATCH, adam, batch, training_client

FAULTS = [{"method": "POST", "path": "/api/v1/optim_step", "fault": "fail=user", "times": 1}]


def run(h):
    _, tc = training_client(h)
    h.call("TrainingClient.forward_backward", lambda: tc.forward_backward(batch(), "cross_entropy").result(),
           {"data": BATCH, "loss_fn": "cross_entropy"})
    h.call("TrainingClient.optim_step", lambda: tc.optim_step(adam()).result(), {"adam_params": {"learning_rate": 1e-3}}, expect_error=True)
