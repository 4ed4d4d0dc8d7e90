"""RestClient run and session calls: get_training_run (+ by tinker path, both access scopes),
list_training_runs (defaults, paging, project filter), get_session, list_sessions, get_sampler."""
from scenarios._common import training_client, train_step


def run(h):
    sc, tc = training_client(h)
    train_step(h, tc)
    saved = h.call("TrainingClient.save_state", lambda: tc.save_state("r").result(), {"name": "r"})
    smp_path = h.call("TrainingClient.save_weights_for_sampler", lambda: tc.save_weights_for_sampler("rs").result(), {"name": "rs"}).path
    rc = h.rest_client()
    run_id = tc.model_id
    h.call("RestClient.get_training_run", lambda: rc.get_training_run(run_id).result(), {"training_run_id": run_id})
    h.call("RestClient.get_training_run", lambda: rc.get_training_run(run_id, access_scope="accessible").result(),
           {"training_run_id": run_id, "access_scope": "accessible"})
    h.call("RestClient.get_training_run_by_tinker_path", lambda: rc.get_training_run_by_tinker_path(saved.path).result(),
           {"tinker_path": saved.path})
    h.call("RestClient.list_training_runs", lambda: rc.list_training_runs().result(), {})
    h.call("RestClient.list_training_runs", lambda: rc.list_training_runs(limit=5, offset=0, access_scope="accessible", project_id="proj-x").result(),
           {"limit": 5, "offset": 0, "access_scope": "accessible", "project_id": "proj-x"})
    session_id = run_id.split(":train:")[0]
    h.call("RestClient.get_session", lambda: rc.get_session(session_id).result(), {"session_id": session_id})
    h.call("RestClient.list_sessions", lambda: rc.list_sessions().result(), {})
    h.call("RestClient.list_sessions", lambda: rc.list_sessions(limit=1, offset=0).result(), {"limit": 1, "offset": 0})
    smp = h.call("ServiceClient.create_sampling_client", lambda: sc.create_sampling_client(model_path=smp_path).result(), {"model_path": smp_path})
    sampler_id = smp._sampling_session_id if hasattr(smp, "_sampling_session_id") else None
    if sampler_id:
        h.call("RestClient.get_sampler", lambda: rc.get_sampler(sampler_id).result(), {"sampler_id": sampler_id})
