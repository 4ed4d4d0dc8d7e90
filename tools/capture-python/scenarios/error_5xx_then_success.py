"""A 503 then success on optim_step (HTTP-layer retry: same idempotency key, retry-count 1) and on
save_weights (sent with max_retries=0, so the holder layer retries with a new idempotency key)."""
from scenarios._common import training_client, train_step

FAULTS = [
    {"method": "POST", "path": "/api/v1/optim_step", "fault": "status=503", "times": 1},
    {"method": "POST", "path": "/api/v1/save_weights", "fault": "status=503", "times": 1},
]


def run(h):
    _, tc = training_client(h)
    train_step(h, tc)
    h.call("TrainingClient.save_state", lambda: tc.save_state("after-503").result(), {"name": "after-503"})
