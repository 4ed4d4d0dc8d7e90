"""Dump response bodies as the official Python SDK models them, as contract-test fixtures.

    /work/pyref/bin/python packages/types/scripts/sdk-responses.py > packages/types/test/fixtures/sdk-0.38.0-responses.json

Each response model of the SDK is filled in twice, with only its required fields and with every
field, and serialised the way a server built on those models answers (`model_dump(mode="json")`,
unset optionals as null). The spec's response schemas must accept all of them.
"""

import json
import sys
from datetime import datetime, timezone

import tinker
from tinker import types
from tinker.types.try_again_response import TryAgainResponse

T = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)
RUN = "sess-1:train:0"
CKPT = f"tinker://{RUN}/weights/step-100"


def checkpoint(**extra):
    return types.Checkpoint(checkpoint_id="weights/step-100", checkpoint_type="training", time=T, tinker_path=CKPT, **extra)


def cases():
    full_checkpoint = checkpoint(size_bytes=123, public=True, user_metadata={"stage": "eval"}, expires_at=T)
    sampler_checkpoint = types.Checkpoint(
        checkpoint_id="sampler_weights/final", checkpoint_type="sampler", time=T, tinker_path=f"tinker://{RUN}/sampler_weights/final"
    )
    external_checkpoint = types.Checkpoint(
        checkpoint_id="external_weights/download", checkpoint_type="external", time=T, tinker_path=f"tinker://{RUN}/external_weights/download"
    )
    cursor = types.Cursor(offset=0, limit=20, total_count=1)
    run = types.TrainingRun(training_run_id=RUN, base_model="Qwen/Qwen3-8B", model_owner="user-1", is_lora=True, last_request_time=T)
    full_run = types.TrainingRun(
        training_run_id=RUN, base_model="Qwen/Qwen3-8B", model_owner="user-1", is_lora=True, corrupted=False, lora_rank=32,
        last_request_time=T, last_checkpoint=full_checkpoint, last_sampler_checkpoint=sampler_checkpoint, user_metadata={"a": "b"},
    )
    return [
        ("UntypedAPIFuture", types.UntypedAPIFuture(request_id="req-1")),
        ("UntypedAPIFuture", types.UntypedAPIFuture(request_id="req-1", model_id=RUN, sample_sequence_ids=["seq-a", "seq-b"])),
        ("TryAgainResponse", TryAgainResponse(request_id="req-1", queue_state="paused_rate_limit")),
        ("RequestFailedResponse", types.RequestFailedResponse(error="checkpoint not found", category="user")),
        ("CreateModelResponse", types.CreateModelResponse(model_id=RUN)),
        ("SaveWeightsResponse", types.SaveWeightsResponse(path=CKPT)),
        ("SaveWeightsResponse", types.SaveWeightsResponse(path=CKPT, type="save_weights")),
        ("LoadWeightsResponse", types.LoadWeightsResponse()),
        ("LoadWeightsResponse", types.LoadWeightsResponse(path=CKPT, model_id=RUN, type="load_weights")),
        ("SaveWeightsForSamplerResponseInternal", types.SaveWeightsForSamplerResponseInternal(path=f"tinker://{RUN}/sampler_weights/final")),
        ("SaveWeightsForSamplerResponseInternal", types.SaveWeightsForSamplerResponseInternal(sampling_session_id="sess-1:sample:3", type="save_weights_for_sampler")),
        ("SaveWeightsForSamplerResponse", types.SaveWeightsForSamplerResponse(path=f"tinker://{RUN}/sampler_weights/final")),
        ("SaveWeightsExternalResponseInternal", types.SaveWeightsExternalResponseInternal(path=f"tinker://{RUN}/external_weights/download", size_bytes=99)),
        ("SaveWeightsExternalResponse", types.SaveWeightsExternalResponse(path=f"tinker://{RUN}/external_weights/download")),
        ("CopyWeightsResponse", types.CopyWeightsResponse(tinker_path="tinker://run-9/weights/step-100")),
        ("WeightsInfoResponse", types.WeightsInfoResponse(base_model="Qwen/Qwen3-8B", is_lora=False)),
        ("WeightsInfoResponse", types.WeightsInfoResponse(base_model="Qwen/Qwen3-8B", is_lora=True, lora_rank=32, train_unembed=True, train_mlp=True, train_attn=False)),
        ("OptimStepResponse", types.OptimStepResponse()),
        ("OptimStepResponse", types.OptimStepResponse(metrics={"grad_norm:mean": 0.5})),
        ("GetInfoResponse", types.GetInfoResponse(model_data=types.ModelData(), model_id=RUN)),
        ("GetInfoResponse", types.GetInfoResponse(type="get_info", model_data=types.ModelData(arch="qwen3", model_name="Qwen/Qwen3-8B", tokenizer_id="Qwen/Qwen3-8B"), model_id=RUN, is_lora=True, lora_rank=32, model_name="Qwen/Qwen3-8B")),
        ("UnloadModelResponse", types.UnloadModelResponse(model_id=RUN)),
        ("Checkpoint", checkpoint()),
        ("Checkpoint", full_checkpoint),
        ("Checkpoint", external_checkpoint),
        ("CheckpointsListResponse", types.CheckpointsListResponse(checkpoints=[full_checkpoint, sampler_checkpoint])),
        ("CheckpointsListResponse", types.CheckpointsListResponse(checkpoints=[], cursor=cursor)),
        ("TrainingRun", run),
        ("TrainingRun", full_run),
        ("TrainingRunsResponse", types.TrainingRunsResponse(training_runs=[run, full_run], cursor=cursor)),
        ("ExternalWeightsUrlsResponse", types.ExternalWeightsUrlsResponse(urls={"adapter_model.safetensors": "https://storage.example.invalid/a?sig=1"}, expires=T)),
        ("GetSamplerResponse", types.GetSamplerResponse(sampler_id="sess-1:sample:0", base_model="Qwen/Qwen3-8B")),
        ("GetSamplerResponse", types.GetSamplerResponse(sampler_id="sess-1:sample:0", base_model="Qwen/Qwen3-8B", model_path=f"tinker://{RUN}/sampler_weights/final")),
        ("GetSessionResponse", types.GetSessionResponse(training_run_ids=[RUN], sampler_ids=[], user_metadata={"a": "b"}, display_name="x")),
        ("ListSessionsResponse", types.ListSessionsResponse(sessions=["sess-1"])),
        ("CreateSessionResponse", types.CreateSessionResponse(session_id="sess-1")),
        ("CreateSessionResponse", types.CreateSessionResponse(session_id="sess-1", info_message="hi", warning_message=None, error_message=None)),
        ("SessionHeartbeatResponse", types.SessionHeartbeatResponse()),
        ("CreateSamplingSessionResponse", types.CreateSamplingSessionResponse(sampling_session_id="sess-1:sample:0")),
        ("JoinSamplingSessionResponse", types.JoinSamplingSessionResponse(client_counter=2)),
        ("ClientConfigResponse", types.ClientConfigResponse()),
        ("ClientDynamicConfigResponse", types.ClientDynamicConfigResponse()),
        ("AuthTokenResponse", types.AuthTokenResponse(jwt="eyJ.x.y")),
        ("HealthResponse", types.HealthResponse(status="ok")),
        ("GetServerCapabilitiesResponse", types.GetServerCapabilitiesResponse(supported_models=[types.SupportedModel(model_name="Qwen/Qwen3-8B", max_context_length=32768)])),
        ("FuturesRetrieveResponse", types.FuturesRetrieveResponse(completions=[types.FutureFinished(request_id="r1", response_payload_uncompressed_size=10), types.FutureFailed(request_id="r2")], cursor=5)),
        ("AuditLogResponse", types.AuditLogResponse(entries=[types.AuditLogEntry(timestamp=T, event="checkpoint.delete", tinker_path=CKPT)])),
        ("CurrentCheckpointStorageUsageResponse", types.CurrentCheckpointStorageUsageResponse(data=[types.CurrentCheckpointStorageUsageItem(checkpoint_count=3, size_bytes=10, size_gigabytes=1e-8)])),
        ("TelemetryResponse", types.TelemetryResponse(status="accepted")),
        ("CreateCustomLossResponse", types.CreateCustomLossResponse(loss_id="loss-1")),
    ]


bodies = []
for schema, model in cases():
    bodies.append({"schema": schema, "body": json.dumps(model.model_dump(mode="json"), separators=(",", ":"))})
    sparse = json.dumps(model.model_dump(mode="json", exclude_none=True), separators=(",", ":"))
    if sparse != bodies[-1]["body"]:
        bodies.append({"schema": schema, "body": sparse})
json.dump(
    {
        "description": "Response bodies built from the Python SDK's response models. Generated by packages/types/scripts/sdk-responses.py.",
        "sdk_version": tinker.__version__,
        "bodies": bodies,
    },
    sys.stdout,
    indent=2,
)
sys.stdout.write("\n")
