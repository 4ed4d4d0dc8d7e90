"""Every RestClient checkpoint call: list (per run and per user), publish/unpublish, set TTL and
remove it, delete by id and by tinker path."""
from scenarios._common import training_client, train_step


def run(h):
    _, tc = training_client(h)
    train_step(h, tc)
    a = h.call("TrainingClient.save_state", lambda: tc.save_state("a").result(), {"name": "a"})
    b = h.call("TrainingClient.save_state", lambda: tc.save_state("b", ttl_seconds=86400).result(), {"name": "b", "ttl_seconds": 86400})
    s = h.call("TrainingClient.save_weights_for_sampler", lambda: tc.save_weights_for_sampler("s").result(), {"name": "s"})
    rc = h.rest_client()
    run_id = tc.model_id
    h.call("RestClient.list_checkpoints", lambda: rc.list_checkpoints(run_id).result(), {"training_run_id": run_id})
    h.call("RestClient.list_user_checkpoints", lambda: rc.list_user_checkpoints().result(), {})
    h.call("RestClient.list_user_checkpoints", lambda: rc.list_user_checkpoints(limit=2, offset=1).result(), {"limit": 2, "offset": 1})
    h.call("RestClient.publish_checkpoint_from_tinker_path", lambda: rc.publish_checkpoint_from_tinker_path(a.path).result(), {"tinker_path": a.path})
    h.call("RestClient.unpublish_checkpoint_from_tinker_path", lambda: rc.unpublish_checkpoint_from_tinker_path(a.path).result(), {"tinker_path": a.path})
    h.call("RestClient.set_checkpoint_ttl_from_tinker_path", lambda: rc.set_checkpoint_ttl_from_tinker_path(a.path, 3600).result(),
           {"tinker_path": a.path, "ttl_seconds": 3600})
    h.call("RestClient.set_checkpoint_ttl_from_tinker_path", lambda: rc.set_checkpoint_ttl_from_tinker_path(b.path, None).result(),
           {"tinker_path": b.path, "ttl_seconds": None})
    h.call("RestClient.list_checkpoints", lambda: rc.list_checkpoints(run_id).result(), {"training_run_id": run_id})
    h.call("RestClient.delete_checkpoint", lambda: rc.delete_checkpoint(run_id, "weights/b").result(),
           {"training_run_id": run_id, "checkpoint_id": "weights/b"})
    h.call("RestClient.delete_checkpoint_from_tinker_path", lambda: rc.delete_checkpoint_from_tinker_path(s.path).result(), {"tinker_path": s.path})
    h.call("RestClient.list_checkpoints", lambda: rc.list_checkpoints(run_id).result(), {"training_run_id": run_id})
