"""retrieve_future answers 410 for a sample: the SDK re-submits the whole sample (new seq_id) and
returns the second attempt's result."""
from scenarios._common import BASE_MODEL

FAULTS = [{"method": "POST", "path": "/api/v1/retrieve_future", "fault": "expire", "times": 1}]


def run(h):
    from tinker import types

    sc = h.service_client()
    smp = h.call("ServiceClient.create_sampling_client", lambda: sc.create_sampling_client(base_model=BASE_MODEL).result(),
                 {"base_model": BASE_MODEL})
    params = {"max_tokens": 3, "seed": 5}
    h.call("SamplingClient.sample", lambda: smp.sample(types.ModelInput.from_ints([9, 8]), 1, types.SamplingParams(**params)).result(),
           {"prompt": [9, 8], "num_samples": 1, "sampling_params": params})
