"""The resume scenarios' shared body: train, save_state, then create training clients from the
checkpoint with one of the ServiceClient's create_training_client_from_state* methods and train on."""
from scenarios._common import BASE_MODEL, training_client, train_step


def resume_and_train(h, method: str):
    """`method`: the ServiceClient method that creates a training client from a saved state."""
    sc, tc = training_client(h)
    train_step(h, tc)
    saved = h.call("TrainingClient.save_state", lambda: tc.save_state("resume").result(), {"name": "resume"})
    create = getattr(sc, method)
    tc2 = h.call(f"ServiceClient.{method}", lambda: create(saved.path).result(), {"path": saved.path})
    train_step(h, tc2)
    args = {"path": saved.path, "base_model": BASE_MODEL, "user_metadata": {"resumed": "yes"}}
    tc3 = h.call(f"ServiceClient.{method}", lambda: create(**args).result(), args)
    train_step(h, tc3)
