"""RestClient.get_weights_info_by_tinker_path for a LoRA checkpoint made with non-default options."""
from scenarios._common import BASE_MODEL, training_client, train_step


def run(h):
    _, tc = training_client(h, rank=8, train_attn=False)
    train_step(h, tc)
    saved = h.call("TrainingClient.save_state", lambda: tc.save_state("info").result(), {"name": "info"})
    rc = h.rest_client()
    h.call("RestClient.get_weights_info_by_tinker_path", lambda: rc.get_weights_info_by_tinker_path(saved.path).result(),
           {"tinker_path": saved.path})
