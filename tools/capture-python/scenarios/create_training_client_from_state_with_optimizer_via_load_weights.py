"""create_training_client_from_state_with_optimizer with the emulator's create_model_via_load_weights=True
(0.38.0 ignores the flag: it always loads with session addressing). A first client trains and saves;
a second one is created from the checkpoint (and from it with a base_model override and
user_metadata) and trains on."""
from scenarios._common import BASE_MODEL, training_client, train_step

FLAGS = {"create_model_via_load_weights": True}


def run(h):
    sc, tc = training_client(h)
    train_step(h, tc)
    saved = h.call("TrainingClient.save_state", lambda: tc.save_state("resume").result(), {"name": "resume"})
    tc2 = h.call("ServiceClient.create_training_client_from_state_with_optimizer",
                 lambda: sc.create_training_client_from_state_with_optimizer(saved.path).result(), {"path": saved.path})
    train_step(h, tc2)
    args = {"path": saved.path, "base_model": BASE_MODEL, "user_metadata": {"resumed": "yes"}}
    tc3 = h.call("ServiceClient.create_training_client_from_state_with_optimizer",
                 lambda: sc.create_training_client_from_state_with_optimizer(**args).result(), args)
    train_step(h, tc3)
