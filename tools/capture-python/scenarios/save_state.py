"""save_state: plain, with ttl_seconds, then overwrite=True of the same name (and a user_metadata)."""
from scenarios._common import training_client, train_step


def run(h):
    _, tc = training_client(h)
    train_step(h, tc)
    h.call("TrainingClient.save_state", lambda: tc.save_state("plain").result(), {"name": "plain"})
    h.call("TrainingClient.save_state", lambda: tc.save_state("with-ttl", ttl_seconds=7200).result(),
           {"name": "with-ttl", "ttl_seconds": 7200})
    h.call("TrainingClient.save_state", lambda: tc.save_state("plain", overwrite=True).result(),
           {"name": "plain", "overwrite": True})
    h.call("TrainingClient.save_state",
           lambda: tc.save_state("meta", user_metadata={"step": "1"}).result(),
           {"name": "meta", "user_metadata": {"step": "1"}})
