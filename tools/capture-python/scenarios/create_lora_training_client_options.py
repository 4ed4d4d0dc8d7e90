"""ServiceClient(user_metadata, project_id) and create_lora_training_client with every option set,
twice (model_seq_id 0 and 1), the second with only train_unembed on."""
from scenarios._common import BASE_MODEL


def run(h):
    sc = h.service_client(user_metadata={"team": "compat", "run": "options"}, project_id="proj-compat")
    a = dict(base_model=BASE_MODEL, rank=8, seed=7, train_mlp=True, train_attn=False, train_unembed=True,
             user_metadata={"purpose": "capture"})
    h.call("ServiceClient.create_lora_training_client", lambda: sc.create_lora_training_client(**a).result(), a)
    b = dict(base_model="meta-llama/Llama-3.2-1B", rank=2, seed=0, train_mlp=False, train_attn=False, train_unembed=True)
    h.call("ServiceClient.create_lora_training_client", lambda: sc.create_lora_training_client(**b).result(), b)
