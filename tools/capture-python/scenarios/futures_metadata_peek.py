"""Results larger than the emulator's inline limit (set to 16 bytes) answer the first poll with
{"status":"complete_metadata","response_payload_size":N}; the SDK re-polls with allow_metadata_only=false."""
from scenarios._common import BATCH, batch, training_client

EMULATOR_OPTIONS = {"inlinePayloadLimitBytes": 16}


def run(h):
    _, tc = training_client(h)
    h.call("TrainingClient.forward_backward", lambda: tc.forward_backward(batch(), "cross_entropy").result(),
           {"data": BATCH, "loss_fn": "cross_entropy"})
