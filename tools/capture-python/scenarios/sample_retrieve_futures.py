"""Sampling with the server flag sample_use_retrieve_futures: completions come from the session's
/api/v1/retrieve_futures long-poll; each payload is then fetched with retrieve_future."""
from scenarios._common import BASE_MODEL

FLAGS = {"sample_use_retrieve_futures": True}


def run(h):
    from tinker import types

    sc = h.service_client()
    smp = h.call("ServiceClient.create_sampling_client", lambda: sc.create_sampling_client(base_model=BASE_MODEL).result(),
                 {"base_model": BASE_MODEL})
    params = {"max_tokens": 3, "seed": 3}
    for prompt in ([1, 2], [3, 4, 5]):
        h.call("SamplingClient.sample", lambda: smp.sample(types.ModelInput.from_ints(prompt), 1, types.SamplingParams(**params)).result(),
               {"prompt": prompt, "num_samples": 1, "sampling_params": params})
