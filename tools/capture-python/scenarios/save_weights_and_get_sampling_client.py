"""Two save_weights_and_get_sampling_client calls (sampling_session_seq_id 0 and 1), each sampled."""
from scenarios._common import training_client, train_step


def run(h):
    from tinker import types

    _, tc = training_client(h)
    params = {"max_tokens": 3, "seed": 11, "temperature": 0.7}
    for step in range(2):
        train_step(h, tc)
        smp = h.call("TrainingClient.save_weights_and_get_sampling_client", lambda: tc.save_weights_and_get_sampling_client().result(), {})
        h.call("SamplingClient.sample",
               lambda: smp.sample(types.ModelInput.from_ints([4, 5]), 2, types.SamplingParams(**params)).result(),
               {"prompt": [4, 5], "num_samples": 2, "sampling_params": params})
