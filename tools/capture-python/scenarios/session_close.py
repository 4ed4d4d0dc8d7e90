"""ServiceClient.close("success", detail) after training: POST /api/v1/sessions/{id}/finish."""
from scenarios._common import training_client, train_step


def run(h):
    sc, tc = training_client(h)
    train_step(h, tc)
    h.call("ServiceClient.close", lambda: sc.close("success", detail="capture done").result(), {"status": "success", "detail": "capture done"})
