"""save_weights_for_sampler named (plain and with ttl), then the unnamed form through
save_weights_and_get_sampling_client, and a sample from it."""
from scenarios._common import training_client, train_step


def run(h):
    from tinker import types

    _, tc = training_client(h)
    train_step(h, tc)
    h.call("TrainingClient.save_weights_for_sampler", lambda: tc.save_weights_for_sampler("named").result(), {"name": "named"})
    h.call("TrainingClient.save_weights_for_sampler",
           lambda: tc.save_weights_for_sampler("named-ttl", ttl_seconds=3600).result(), {"name": "named-ttl", "ttl_seconds": 3600})
    smp = h.call("TrainingClient.save_weights_and_get_sampling_client", lambda: tc.save_weights_and_get_sampling_client().result(), {})
    params = {"max_tokens": 4, "temperature": 0.0}
    h.call("SamplingClient.sample",
           lambda: smp.sample(types.ModelInput.from_ints([1, 2, 3]), 1, types.SamplingParams(**params)).result(),
           {"prompt": [1, 2, 3], "num_samples": 1, "sampling_params": params})
