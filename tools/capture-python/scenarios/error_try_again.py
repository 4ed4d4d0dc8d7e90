"""retrieve_future answers try_again (queue_state paused_capacity) twice before a result. The rule hits
the first future polled: create_model's."""
from scenarios._common import training_client, train_step

FAULTS = [{"method": "POST", "path": "/api/v1/retrieve_future", "fault": "try-again=2;queue-state=paused_capacity", "times": 1}]


def run(h):
    _, tc = training_client(h)
    train_step(h, tc)
