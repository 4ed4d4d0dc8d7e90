"""A 400 with a JSON message on save_weights: not retried, surfaces as BadRequestError; the client
stays usable (a later save succeeds)."""
from scenarios._common import training_client, train_step

FAULTS = [{"method": "POST", "path": "/api/v1/save_weights", "fault": "status=400", "times": 1}]


def run(h):
    _, tc = training_client(h)
    train_step(h, tc)
    h.call("TrainingClient.save_state", lambda: tc.save_state("rejected").result(), {"name": "rejected"}, expect_error=True)
    h.call("TrainingClient.save_state", lambda: tc.save_state("accepted").result(), {"name": "accepted"})
