"""The other RestClient calls the emulator serves: copy_weights (with a destination project and ttl),
get_server_capabilities, assign_session_project, export_session_trace."""
from scenarios._common import training_client, train_step


def run(h):
    _, tc = training_client(h)
    train_step(h, tc)
    saved = h.call("TrainingClient.save_state", lambda: tc.save_state("src").result(), {"name": "src"})
    rc = h.rest_client()
    h.call("RestClient.copy_weights", lambda: rc.copy_weights(saved.path, "proj-copy", ttl_seconds=7200).result(),
           {"path": saved.path, "destination_project_id": "proj-copy", "ttl_seconds": 7200})
    h.call("RestClient.get_server_capabilities", lambda: rc.get_server_capabilities().result(), {})
    session_id = tc.model_id.split(":train:")[0]
    h.call("RestClient.assign_session_project", lambda: rc.assign_session_project(session_id, "proj-2").result(),
           {"session_id": session_id, "project_id": "proj-2"})
    h.call("RestClient.export_session_trace", lambda: rc.export_session_trace(session_id).result(), {"session_id": session_id})
