"""retrieve_future answers 410 (future expired) for create_model: training calls surface it to the
caller (Python raises RetryableException, "Promise expired/broken")."""
from scenarios._common import BASE_MODEL

FAULTS = [{"method": "POST", "path": "/api/v1/retrieve_future", "fault": "expire", "times": 1}]


def run(h):
    sc = h.service_client()
    args = {"base_model": BASE_MODEL, "rank": 4}
    h.call("ServiceClient.create_lora_training_client", lambda: sc.create_lora_training_client(**args).result(), args, expect_error=True)
