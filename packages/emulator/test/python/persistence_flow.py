"""The persistence flow of the official Python SDK against the emulator.

Usage: python persistence_flow.py BASE_URL API_KEY
Prints one JSON object with what each step returned; exits non-zero on the first failure.
"""

import json
import sys
import warnings

import tinker
from tinker import types

warnings.simplefilter("ignore")


def datum(tokens, targets, weights):
    return types.Datum(
        model_input=types.ModelInput.from_ints(tokens),
        loss_fn_inputs={"target_tokens": targets, "weights": weights},
    )


def main() -> None:
    base_url, api_key = sys.argv[1], sys.argv[2]
    report = {}
    service = tinker.ServiceClient(base_url=base_url, api_key=api_key)
    training = service.create_lora_training_client(base_model="Qwen/Qwen3-8B", rank=4, seed=11)
    report["model_id"] = training.model_id
    batch = [datum([1, 2, 3, 4], [2, 3, 4, 5], [1.0, 1.0, 1.0, 1.0]), datum([72, 101, 108], [101, 108, 108], [0.0, 1.0, 2.0])]

    first = training.forward_backward(batch, "cross_entropy").result()
    report["loss_before"] = first.metrics["loss:sum"]
    report["logprobs_len"] = [len(o["logprobs"].tolist()) for o in first.loss_fn_outputs]
    training.optim_step(types.AdamParams(learning_rate=0.05)).result()

    saved = training.save_state("ck1").result()
    report["save_state"] = saved.path
    training.load_state(saved.path).result()
    training.load_state_with_optimizer(saved.path).result()
    sampler_save = training.save_weights_for_sampler("s1").result()
    report["save_weights_for_sampler"] = sampler_save.path

    after = training.forward(batch, "cross_entropy").result()
    report["loss_after"] = after.metrics["loss:sum"]

    restored = service.create_training_client_from_state(saved.path)
    report["from_state"] = restored.model_id
    restored_opt = service.create_training_client_from_state_with_optimizer(saved.path)
    report["from_state_with_optimizer"] = restored_opt.model_id
    report["from_state_loss"] = restored_opt.forward(batch, "cross_entropy").result().metrics["loss:sum"]

    sampling = service.create_sampling_client(model_path=sampler_save.path)
    sample = sampling.sample(
        prompt=types.ModelInput.from_ints([1, 2, 3]),
        num_samples=2,
        sampling_params=types.SamplingParams(max_tokens=5, seed=1, temperature=1.0),
    ).result()
    report["sample_tokens"] = [list(s.tokens) for s in sample.sequences]

    snapshot = training.save_weights_and_get_sampling_client()
    logprobs = snapshot.compute_logprobs(types.ModelInput.from_ints([1, 2, 3])).result()
    report["compute_logprobs"] = [None if lp is None else float(lp) for lp in logprobs]

    rest = service.create_rest_client()
    listed = rest.list_checkpoints(training.model_id).result()
    report["listed"] = sorted(c.checkpoint_id for c in listed.checkpoints)
    user_listed = rest.list_user_checkpoints().result()
    report["user_listed"] = len(user_listed.checkpoints)
    rest.publish_checkpoint_from_tinker_path(saved.path).result()
    rest.set_checkpoint_ttl_from_tinker_path(saved.path, 7200).result()
    ttl_set = [c for c in rest.list_checkpoints(training.model_id).result().checkpoints if c.tinker_path == saved.path][0]
    report["published"] = ttl_set.public
    report["ttl_set"] = ttl_set.expires_at is not None
    rest.set_checkpoint_ttl_from_tinker_path(saved.path, None).result()
    rest.unpublish_checkpoint_from_tinker_path(saved.path).result()
    cleared = [c for c in rest.list_checkpoints(training.model_id).result().checkpoints if c.tinker_path == saved.path][0]
    report["ttl_cleared"] = cleared.expires_at is None and not cleared.public
    info = rest.get_weights_info_by_tinker_path(saved.path).result()
    report["weights_info_rank"] = info.lora_rank
    report["runs"] = rest.list_training_runs().result().cursor.total_count
    report["session_runs"] = len(rest.get_session(restored.holder.get_session_id()).result().training_run_ids)
    report["sessions"] = len(rest.list_sessions().result().sessions)
    rest.delete_checkpoint_from_tinker_path(sampler_save.path).result()
    report["listed_after_delete"] = sorted(c.checkpoint_id for c in rest.list_checkpoints(training.model_id).result().checkpoints)
    run = rest.get_training_run(training.model_id).result()
    report["run_lora_rank"] = run.lora_rank
    service.close("success").result()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
