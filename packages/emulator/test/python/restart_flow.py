"""Checkpoints outlive the emulator process: phase "save" trains and saves, phase "resume" (run
against a restarted emulator on the same data dir) continues from the saved path.

Usage: python restart_flow.py save|resume BASE_URL API_KEY [TINKER_PATH]
Prints one JSON object.
"""

import json
import sys
import warnings

import tinker
from tinker import types

warnings.simplefilter("ignore")

BATCH = [
    types.Datum(
        model_input=types.ModelInput.from_ints([5, 6, 7, 8]),
        loss_fn_inputs={"target_tokens": [6, 7, 8, 9], "weights": [1.0, 1.0, 1.0, 1.0]},
    )
]
ADAM = types.AdamParams(learning_rate=0.05)


def step_losses(training, steps):
    losses = []
    for _ in range(steps):
        losses.append(training.forward_backward(BATCH, "cross_entropy").result().metrics["loss:sum"])
        training.optim_step(ADAM).result()
    return losses


def main() -> None:
    phase, base_url, api_key = sys.argv[1], sys.argv[2], sys.argv[3]
    service = tinker.ServiceClient(base_url=base_url, api_key=api_key)
    if phase == "save":
        training = service.create_lora_training_client(base_model="Qwen/Qwen3-8B", rank=4, seed=5)
        step_losses(training, 2)
        path = training.save_state("before-restart").result().path
        continued = step_losses(training, 2)
        print(json.dumps({"path": path, "continued": continued}))
    else:
        resumed = service.create_training_client_from_state_with_optimizer(sys.argv[4])
        print(json.dumps({"continued": step_losses(resumed, 2)}))
    service.close("success").result()


if __name__ == "__main__":
    main()
