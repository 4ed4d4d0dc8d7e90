"""create_training_client_from_state with the emulator's create_model_via_load_weights=True
(0.38.0 ignores the flag: it always loads with session addressing). A first client trains and saves;
a second one is created from the checkpoint (and from it with a base_model override and
user_metadata) and trains on."""
from scenarios._resume import resume_and_train

FLAGS = {"create_model_via_load_weights": True}


def run(h):
    resume_and_train(h, "create_training_client_from_state")
