"""ServiceClient.create_sampling_client(base_model) and sample: defaults; every SamplingParams
field; prompt logprobs with top-k; compute_logprobs."""
from scenarios._common import BASE_MODEL


def run(h):
    from tinker import types

    sc = h.service_client()
    smp = h.call("ServiceClient.create_sampling_client", lambda: sc.create_sampling_client(base_model=BASE_MODEL).result(),
                 {"base_model": BASE_MODEL})
    prompt = [1, 2, 3, 4]
    p1 = {"max_tokens": 5}
    h.call("SamplingClient.sample", lambda: smp.sample(types.ModelInput.from_ints(prompt), 1, types.SamplingParams(**p1)).result(),
           {"prompt": prompt, "num_samples": 1, "sampling_params": p1})
    p2 = {"max_tokens": 6, "seed": 42, "stop": [7], "temperature": 0.5, "top_k": 20, "top_p": 0.9}
    h.call("SamplingClient.sample", lambda: smp.sample(types.ModelInput.from_ints(prompt), 3, types.SamplingParams(**p2)).result(),
           {"prompt": prompt, "num_samples": 3, "sampling_params": p2})
    p3 = {"max_tokens": 2, "seed": 1}
    h.call("SamplingClient.sample",
           lambda: smp.sample(types.ModelInput.from_ints(prompt), 1, types.SamplingParams(**p3),
                              include_prompt_logprobs=True, topk_prompt_logprobs=3).result(),
           {"prompt": prompt, "num_samples": 1, "sampling_params": p3, "include_prompt_logprobs": True, "topk_prompt_logprobs": 3})
    h.call("SamplingClient.compute_logprobs", lambda: smp.compute_logprobs(types.ModelInput.from_ints(prompt)).result(), {"prompt": prompt})
