"""HTTP errors on retrieve_future: 408 with a queue_state (re-poll at once), 503 (re-poll at once), 429
(back off, then re-poll); then the result. The rules hit the first three polls: create_model's."""
from scenarios._common import training_client, train_step

FAULTS = [
    {"method": "POST", "path": "/api/v1/retrieve_future", "fault": "status=408;queue-state=paused_rate_limit", "times": 1},
    {"method": "POST", "path": "/api/v1/retrieve_future", "fault": "status=503", "times": 1},
    {"method": "POST", "path": "/api/v1/retrieve_future", "fault": "status=429", "times": 1},
]


def run(h):
    _, tc = training_client(h)
    train_step(h, tc)
