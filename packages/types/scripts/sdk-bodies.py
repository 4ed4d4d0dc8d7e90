"""Record the JSON request bodies the official Python SDK sends, as contract-test fixtures.

Run with the reference venv (tinker==0.38.0 installed):

    /work/pyref/bin/python packages/types/scripts/sdk-bodies.py > packages/types/test/fixtures/sdk-0.38.0-bodies.json

Every body goes through the SDK's own low-level client (AsyncTinker) and is captured from an
in-memory httpx transport, so the bytes are exactly what the SDK puts on the wire: the resource
methods for typed requests, and the client's post/put for the bodies the SDK builds as literal
dicts. The request objects are built with the same arguments the public methods pass. Nothing
leaves the process. The TypeScript tests only read the resulting JSON file; they never need Python.
"""

from __future__ import annotations

import asyncio
import json
import sys
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

import httpx

import tinker
from tinker import types
from tinker._client import AsyncTinker
from tinker.types._pydantic_types.tensor_data import TensorData as TensorDataModel

NoneType = type(None)


@dataclass
class Captured:
    method: str
    path: str
    content_type: str | None
    body: bytes


captured: list[Captured] = []

# One answer that every cast_to used below accepts (the client is not in strict validation mode).
_ANSWER = {
    "request_id": "req-1",
    "session_id": "sess-1",
    "sampling_session_id": "sess-1:sample:0",
    "jwt": "eyJ.x.y",
    "client_counter": 1,
    "tinker_path": "tinker://run-9/weights/step-400",
    "completions": [],
    "cursor": 0,
    "status": "accepted",
    "model_id": "sess-1:train:0",
    "model_data": {"arch": "qwen3", "model_name": "Qwen/Qwen3-8B", "tokenizer_id": "Qwen/Qwen3-8B"},
}


def _handler(request: httpx.Request) -> httpx.Response:
    captured.append(
        Captured(
            method=request.method,
            path=request.url.path,
            content_type=request.headers.get("content-type"),
            body=request.content,
        )
    )
    return httpx.Response(200, json=_ANSWER)


SESSION = "sess-1"
MODEL = "sess-1:train:0"
SAMPLER = "sess-1:sample:0"
CKPT = "tinker://sess-1:train:0/weights/step-100"
SAMPLER_CKPT = "tinker://sess-1:train:0/sampler_weights/final"


def prompt(tokens: list[int]) -> types.ModelInput:
    return types.ModelInput(chunks=[types.EncodedTextChunk(tokens=tokens)])


Case = tuple[str, str, str, Callable[[AsyncTinker], Awaitable[Any]]]


def cases() -> list[Case]:
    """(name, component schema, source in the SDK, call)."""
    out: list[Case] = []

    def add(name: str, schema: str, source: str):
        def wrap(fn: Callable[[AsyncTinker], Awaitable[Any]]):
            out.append((name, schema, source, fn))
            return fn

        return wrap

    # ---------------------------------------------------------------- service
    @add("client_config", "ClientConfigRequest", "resources/service.py client_config")
    def _(c):
        return c.service.client_config(request=types.ClientConfigRequest(sdk_version=tinker.__version__))

    @add("client_dynamic_config", "ClientConfigRequest", "resources/service.py client_dynamic_config")
    def _(c):
        return c.service.client_dynamic_config(request=types.ClientConfigRequest(sdk_version=tinker.__version__))

    @add("auth_token", "AuthTokenRequest", "resources/service.py auth_token (literal {})")
    def _(c):
        return c.service.auth_token()

    @add("create_session", "CreateSessionRequest", "lib/internal_client_holder.py _create_session")
    def _(c):
        return c.service.create_session(
            request=types.CreateSessionRequest(tags=[], user_metadata={}, sdk_version=tinker.__version__)
        )

    @add("create_session_with_options", "CreateSessionRequest", "lib/internal_client_holder.py _create_session")
    def _(c):
        return c.service.create_session(
            request=types.CreateSessionRequest(
                tags=["nightly"],
                user_metadata={"team": "x"},
                sdk_version=tinker.__version__,
                project_id="proj-1",
                display_name="run a",
            )
        )

    @add("session_heartbeat", "SessionHeartbeatRequest", "resources/service.py session_heartbeat")
    def _(c):
        return c.service.session_heartbeat(session_id=SESSION)

    @add("finish_session", "FinishSessionRequest", "lib/public_interfaces/service_client.py close (literal dict)")
    def _(c):
        return c.post(f"/api/v1/sessions/{SESSION}/finish", body={"reason": {"type": "success"}, "detail": None}, cast_to=NoneType)

    @add("finish_session_with_detail", "FinishSessionRequest", "lib/public_interfaces/service_client.py close (literal dict)")
    def _(c):
        return c.post(
            f"/api/v1/sessions/{SESSION}/finish",
            body={"reason": {"type": "interrupted"}, "detail": "KeyboardInterrupt"},
            cast_to=NoneType,
        )

    # ---------------------------------------------------------------- futures
    @add("retrieve_future_first_poll", "FutureRetrieveRequest", "lib/api_future_impl.py")
    def _(c):
        return c.futures.retrieve(request=types.FutureRetrieveRequest(request_id="req-1", allow_metadata_only=True))

    @add("retrieve_future_after_metadata", "FutureRetrieveRequest", "lib/api_future_impl.py")
    def _(c):
        return c.futures.retrieve(request=types.FutureRetrieveRequest(request_id="req-1", allow_metadata_only=False))

    @add("retrieve_futures", "FuturesRetrieveRequest", "lib/session_futures_poller.py")
    def _(c):
        target = types.SamplingSessionFuturesTarget(sampling_session_id=SAMPLER, cloned_sampler_id=0)
        return c.futures.retrieve_multi(
            request=types.FuturesRetrieveRequest(target=target, prev_cursor=3, timeout=None, retrieved_request_ids=["req-1"])
        )

    @add("retrieve_futures_ack_only", "FuturesRetrieveRequest", "lib/session_futures_poller.py")
    def _(c):
        target = types.SamplingSessionFuturesTarget(sampling_session_id=SAMPLER, cloned_sampler_id=1)
        return c.futures.retrieve_multi(
            request=types.FuturesRetrieveRequest(target=target, prev_cursor=0, timeout=0, retrieved_request_ids=[])
        )

    @add("cancel_future", "CancelFutureRequest", "lib/internal_client_holder.py _send_cancel_request (literal dict)")
    def _(c):
        return c.post("/api/v1/cancel_future", body={"request_id": "req-1"}, cast_to=NoneType)

    # ---------------------------------------------------------------- models
    @add("create_model", "CreateModelRequest", "lib/public_interfaces/service_client.py create_lora_training_client")
    def _(c):
        return c.models.create(
            request=types.CreateModelRequest(
                session_id=SESSION,
                model_seq_id=0,
                base_model="Qwen/Qwen3-8B",
                lora_config=types.LoraConfig(rank=32, train_mlp=True, train_attn=True, train_unembed=True),
                user_metadata=None,
                optimizer_config=types.AdamOptimizerConfig(),
            )
        )

    @add("create_model_all_options", "CreateModelRequest", "lib/public_interfaces/service_client.py create_lora_training_client")
    def _(c):
        return c.models.create(
            request=types.CreateModelRequest(
                session_id=SESSION,
                model_seq_id=1,
                base_model="Qwen/Qwen3-8B",
                lora_config=types.LoraConfig(rank=8, seed=7, train_mlp=True, train_attn=False, train_unembed=True),
                user_metadata={"k": "v"},
                optimizer_config=types.DimuonOptimizerConfig(),
            )
        )

    @add("get_info", "GetInfoRequest", "lib/public_interfaces/training_client.py get_info")
    def _(c):
        return c.models.get_info(request=types.GetInfoRequest(model_id=MODEL))

    # ---------------------------------------------------------------- training
    @add("optim_step", "OptimStepRequest", "lib/public_interfaces/training_client.py optim_step")
    def _(c):
        return c.training.optim_step(
            request=types.OptimStepRequest(optim_params=types.AdamParams(learning_rate=0.001), model_id=MODEL, seq_id=2)
        )

    @add("optim_step_defaults", "OptimStepRequest", "lib/public_interfaces/training_client.py optim_step")
    def _(c):
        return c.training.optim_step(request=types.OptimStepRequest(optim_params=types.AdamParams(), model_id=MODEL, seq_id=5))

    @add("optim_step_dimuon", "OptimStepRequest", "lib/public_interfaces/training_client.py optim_step")
    def _(c):
        return c.training.optim_step(
            request=types.OptimStepRequest(optim_params=types.DimuonParams(learning_rate=0.02), model_id=MODEL, seq_id=3)
        )

    # ---------------------------------------------------------------- weights
    @add("save_weights", "SaveWeightsRequest", "lib/public_interfaces/training_client.py save_state")
    def _(c):
        return c.weights.save(
            request=types.SaveWeightsRequest(model_id=MODEL, path="step-100", seq_id=3, ttl_seconds=None, overwrite=False, user_metadata=None),
            max_retries=0,
        )

    @add("save_weights_all_options", "SaveWeightsRequest", "lib/public_interfaces/training_client.py save_state")
    def _(c):
        return c.weights.save(
            request=types.SaveWeightsRequest(
                model_id=MODEL, path="best", seq_id=7, ttl_seconds=86400, overwrite=True, user_metadata={"epoch": "2"}
            ),
            max_retries=0,
        )

    @add("load_weights", "LoadWeightsRequest", "lib/public_interfaces/training_client.py load_state")
    def _(c):
        return c.weights.load(request=types.LoadWeightsRequest(model_id=MODEL, path=CKPT, seq_id=1, optimizer=False, weights_access_token=None))

    @add("load_weights_with_optimizer", "LoadWeightsRequest", "lib/public_interfaces/training_client.py load_state_with_optimizer")
    def _(c):
        return c.weights.load(request=types.LoadWeightsRequest(model_id=MODEL, path=CKPT, seq_id=4, optimizer=True, weights_access_token=None))

    @add("load_weights_with_access_token", "LoadWeightsRequest", "lib/public_interfaces/training_client.py load_state")
    def _(c):
        return c.weights.load(
            request=types.LoadWeightsRequest(model_id=MODEL, path=CKPT, seq_id=2, optimizer=False, weights_access_token="tml-other")
        )

    @add("load_weights_create_via_load", "LoadWeightsRequest", "lib/public_interfaces/service_client.py create_training_client_from_state")
    def _(c):
        return c.weights.load(
            request=types.LoadWeightsRequest(
                session_id=SESSION, model_seq_id=0, base_model=None, user_metadata=None, path=CKPT, optimizer=False,
                optimizer_config=None, weights_access_token=None,
            )
        )

    @add("load_weights_create_via_load_all_options", "LoadWeightsRequest", "lib/public_interfaces/service_client.py create_training_client_from_state")
    def _(c):
        return c.weights.load(
            request=types.LoadWeightsRequest(
                session_id=SESSION, model_seq_id=2, base_model="Qwen/Qwen3-8B", user_metadata={"a": "b"}, path=CKPT,
                optimizer=False, optimizer_config=types.AdamOptimizerConfig(), weights_access_token="tml-other",
            )
        )

    @add("load_weights_create_via_load_with_optimizer", "LoadWeightsRequest", "lib/public_interfaces/service_client.py create_training_client_from_state_with_optimizer")
    def _(c):
        return c.weights.load(
            request=types.LoadWeightsRequest(session_id=SESSION, model_seq_id=1, user_metadata={"created_by": "x"}, path=CKPT, optimizer=True)
        )

    @add("save_weights_for_sampler_named", "SaveWeightsForSamplerRequest", "lib/public_interfaces/training_client.py save_weights_for_sampler")
    def _(c):
        return c.weights.save_for_sampler(
            request=types.SaveWeightsForSamplerRequest(model_id=MODEL, path="final", seq_id=4, ttl_seconds=None, user_metadata=None),
            max_retries=0,
        )

    @add("save_weights_for_sampler_named_all_options", "SaveWeightsForSamplerRequest", "lib/public_interfaces/training_client.py save_weights_for_sampler")
    def _(c):
        return c.weights.save_for_sampler(
            request=types.SaveWeightsForSamplerRequest(model_id=MODEL, path="s2", seq_id=2, ttl_seconds=3600, user_metadata={"stage": "eval"}),
            max_retries=0,
        )

    @add("save_weights_for_sampler_unnamed", "SaveWeightsForSamplerRequest", "lib/public_interfaces/training_client.py save_weights_and_get_sampling_client")
    def _(c):
        return c.weights.save_for_sampler(
            request=types.SaveWeightsForSamplerRequest(model_id=MODEL, seq_id=6, sampling_session_seq_id=0, kind="snapshot", ttl_seconds=None, user_metadata=None),
            max_retries=0,
        )

    @add("save_weights_for_sampler_unnamed_inflight", "SaveWeightsForSamplerRequest", "lib/public_interfaces/training_client.py save_weights_and_get_sampling_client")
    def _(c):
        return c.weights.save_for_sampler(
            request=types.SaveWeightsForSamplerRequest(model_id=MODEL, seq_id=9, sampling_session_seq_id=3, kind="inflight"),
            max_retries=0,
        )

    @add("save_weights_external", "SaveWeightsExternalRequest", "lib/public_interfaces/training_client.py save_weights_external")
    def _(c):
        return c.weights.save_external(
            request=types.SaveWeightsExternalRequest(model_id=MODEL, path="download", seq_id=1, ttl_seconds=3600),
            max_retries=0,
        )

    @add("save_weights_external_encrypted", "SaveWeightsExternalRequest", "lib/public_interfaces/training_client.py save_weights_external")
    def _(c):
        return c.weights.save_external(
            request=types.SaveWeightsExternalRequest(
                model_id=MODEL, path="export-1", seq_id=5, age_encryption_recipients=["age1qyqszqgpqyqszqgpqyqszqgpqyqszqgp"]
            ),
            max_retries=0,
        )

    @add("copy_weights", "CopyWeightsRequest", "lib/public_interfaces/rest_client.py copy_weights")
    def _(c):
        return c.models.copy_weights(
            request=types.CopyWeightsRequest(source_path="tinker://run-1/weights/step-400", destination_project_id="proj-archive", ttl_seconds=None)
        )

    @add("copy_weights_with_ttl", "CopyWeightsRequest", "lib/public_interfaces/rest_client.py copy_weights")
    def _(c):
        return c.models.copy_weights(
            request=types.CopyWeightsRequest(source_path=SAMPLER_CKPT, destination_project_id="proj-archive", ttl_seconds=604800)
        )

    @add("weights_info", "WeightsInfoRequest", "lib/public_interfaces/rest_client.py get_weights_info_by_tinker_path (literal dict)")
    def _(c):
        return c.post("/api/v1/weights_info", body={"tinker_path": CKPT}, cast_to=object)

    @add("set_checkpoint_ttl", "SetCheckpointTtlRequest", "lib/public_interfaces/rest_client.py set_checkpoint_ttl_from_tinker_path (literal dict)")
    def _(c):
        return c.put(f"/api/v1/training_runs/{MODEL}/checkpoints/weights/step-100/ttl", body={"ttl_seconds": 604800}, cast_to=NoneType)

    @add("set_checkpoint_ttl_remove", "SetCheckpointTtlRequest", "lib/public_interfaces/rest_client.py set_checkpoint_ttl_from_tinker_path (literal dict)")
    def _(c):
        return c.put(f"/api/v1/training_runs/{MODEL}/checkpoints/weights/step-100/ttl", body={"ttl_seconds": None}, cast_to=NoneType)

    @add("assign_session_project", "AssignSessionProjectRequest", "lib/public_interfaces/rest_client.py assign_session_project (literal dict)")
    def _(c):
        return c.put(f"/api/v1/sessions/{SESSION}/project", body={"project_id": "proj-1"}, cast_to=NoneType)

    @add("search_sessions_default", "SessionSearchRequest", "lib/public_interfaces/rest_client.py search_sessions")
    def _(c):
        from tinker._compat import model_dump

        return c.post("/api/v1/sessions/search", body=model_dump(types.SessionSearchRequest(), mode="json", exclude_none=True), cast_to=object)

    @add("search_sessions_filtered", "SessionSearchRequest", "lib/public_interfaces/rest_client.py search_sessions")
    def _(c):
        from tinker._compat import model_dump

        request = types.SessionSearchRequest(
            project_ids=["proj-1"],
            user_metadata={"team": "x"},
            owner=types.UserSearchOwner(owner_urns=["urn:user:1"]),
            statuses=[types.FailedSessionStatusQuery(), types.ClientFinishedSessionStatusQuery(reasons=["errored"])],
            limit=10,
        )
        return c.post("/api/v1/sessions/search", body=model_dump(request, mode="json", exclude_none=True), cast_to=object)

    # ---------------------------------------------------------------- sampling
    @add("create_sampling_session_checkpoint", "CreateSamplingSessionRequest", "lib/internal_client_holder.py _create_sampling_session")
    def _(c):
        return c.service.create_sampling_session(
            request=types.CreateSamplingSessionRequest(session_id=SESSION, sampling_session_seq_id=1, model_path=SAMPLER_CKPT)
        )

    @add("create_sampling_session_base_model", "CreateSamplingSessionRequest", "lib/internal_client_holder.py _create_sampling_session")
    def _(c):
        return c.service.create_sampling_session(
            request=types.CreateSamplingSessionRequest(session_id=SESSION, sampling_session_seq_id=0, base_model="Qwen/Qwen3-8B")
        )

    @add("join_sampling_session", "JoinSamplingSessionRequest", "lib/public_interfaces/sampling_client.py")
    def _(c):
        return c.service.join_sampling_session(request=types.JoinSamplingSessionRequest(sampling_session_id=SAMPLER))

    def sample_request(**overrides: Any) -> types.SampleRequest:
        args: dict[str, Any] = dict(
            sampling_session_id=SAMPLER,
            seq_id=0,
            num_samples=1,
            prompt=prompt([1, 2]),
            sampling_params=types.SamplingParams(max_tokens=2),
            prompt_logprobs=False,
            topk_prompt_logprobs=0,
            topk_sample_logprobs=0,
            target_prompt_logprobs=None,
            prompt_alt_tokens_k=0,
            prompt_logprobs_last_n=None,
            record_stability_info=False,
        )
        args.update(overrides)
        return types.SampleRequest(**args)

    @add("asample", "SampleRequest", "lib/public_interfaces/sampling_client.py _send_asample_request")
    def _(c):
        return c.sampling.asample(request=sample_request(), extra_headers={"X-Tinker-Sampling-Backpressure": "1"}, max_retries=0)

    @add("asample_all_options", "SampleRequest", "lib/public_interfaces/sampling_client.py _send_asample_request")
    def _(c):
        return c.sampling.asample(
            request=sample_request(
                seq_id=7,
                num_samples=2,
                sampling_params=types.SamplingParams(max_tokens=20, seed=42, stop=["\n"], temperature=0.7, top_k=50, top_p=0.9),
                prompt_logprobs=True,
                topk_prompt_logprobs=5,
                topk_sample_logprobs=3,
                target_prompt_logprobs=TensorDataModel(data=[5, -1], dtype="int64", shape=[2, 1]),
                prompt_alt_tokens_k=4,
                prompt_logprobs_last_n=8,
                record_stability_info=True,
            ),
            max_retries=0,
        )

    @add("asample_stop_tokens", "SampleRequest", "lib/public_interfaces/sampling_client.py _send_asample_request")
    def _(c):
        return c.sampling.asample(
            request=sample_request(seq_id=1, sampling_params=types.SamplingParams(max_tokens=16, stop=[151645])), max_retries=0
        )

    @add("compute_logprobs", "SampleRequest", "lib/public_interfaces/sampling_client.py compute_logprobs")
    def _(c):
        return c.sampling.asample(
            request=sample_request(seq_id=3, prompt=prompt([9, 8, 7]), sampling_params=types.SamplingParams(max_tokens=1), prompt_logprobs=True),
            max_retries=0,
        )

    @add("asample_image_chunks", "SampleRequest", "lib/public_interfaces/sampling_client.py _send_asample_request")
    def _(c):
        image_prompt = types.ModelInput(
            chunks=[
                types.EncodedTextChunk(tokens=[1]),
                types.ImageChunk(data=b"\x89PNG\r\n", format="png", expected_tokens=4),
                types.ImageAssetPointerChunk(format="jpeg", location="s3://bucket/cat.jpg", expected_tokens=6),
                types.EncodedTextChunk(tokens=[2, 3]),
            ]
        )
        return c.sampling.asample(request=sample_request(seq_id=2, prompt=image_prompt), max_retries=0)

    # ---------------------------------------------------------------- telemetry
    @add("telemetry", "TelemetrySendRequest", "lib/telemetry.py (batch of every event kind)")
    def _(c):
        from datetime import datetime, timedelta, timezone

        from tinker.types.generic_event import GenericEvent

        t0 = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)
        common = dict(event_id="ev-1", severity="INFO")
        events = [
            types.SessionStartEvent(event="SESSION_START", event_session_index=0, timestamp=t0, **common),
            GenericEvent(event="GENERIC_EVENT", event_session_index=1, timestamp=t0, event_name="sample", event_data={"n": 1}, **common),
            types.UnhandledExceptionEvent(
                event="UNHANDLED_EXCEPTION", event_id="ev-2", event_session_index=2, timestamp=t0, severity="ERROR",
                error_type="ValueError", error_message="bad", traceback="Traceback ...",
            ),
            types.SessionEndEvent(event="SESSION_END", event_session_index=3, timestamp=t0 + timedelta(minutes=5), duration=str(timedelta(minutes=5)), **common),
        ]
        batch = types.TelemetryBatch(events=events, platform="Linux", sdk_version=tinker.__version__, session_id=SESSION, process_uuid="p-1")
        return c.telemetry.send(request=types.TelemetrySendRequest(**batch.model_dump()))

    return out


async def main() -> None:
    client = AsyncTinker(
        api_key="tml-fixture",
        base_url="http://sdk-fixture.invalid/services/tinker-prod",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(_handler)),
        max_retries=0,
    )
    bodies = []
    for name, schema, source, call in cases():
        before = len(captured)
        try:
            await call(client)
        except Exception as error:
            # Only the request matters here; the canned answer may not parse as every response type.
            failure: Exception | None = error
        else:
            failure = None
        assert len(captured) == before + 1, f"{name}: expected exactly one request ({failure!r})"
        req = captured[-1]
        text = req.body.decode("utf-8")
        json.loads(text)  # must be JSON
        bodies.append(
            {
                "name": name,
                "schema": schema,
                "method": req.method,
                "path": req.path.removeprefix("/services/tinker-prod"),
                "source": source,
                "body": text,
            }
        )
    await client.close()
    doc = {
        "description": (
            "JSON request bodies sent by the official Python SDK, captured byte for byte from its own "
            "HTTP client. Generated by packages/types/scripts/sdk-bodies.py; do not edit by hand."
        ),
        "sdk_version": tinker.__version__,
        "bodies": bodies,
    }
    json.dump(doc, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    asyncio.run(main())
