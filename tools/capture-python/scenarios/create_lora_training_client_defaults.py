"""ServiceClient() with no options; create_lora_training_client(base_model) with every default."""
from scenarios._common import BASE_MODEL


def run(h):
    sc = h.service_client()
    h.call("ServiceClient.create_lora_training_client",
           lambda: sc.create_lora_training_client(base_model=BASE_MODEL).result(), {"base_model": BASE_MODEL})
