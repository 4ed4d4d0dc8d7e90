// Generated from spec/openapi.yaml (sha256 639ebbf0db9fae9d) by packages/types/scripts/generate.mjs. Do not edit: change the spec and run `pnpm generate`.
/* eslint-disable */
export interface paths {
    "/api/v1/client/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch the server-side feature flags for this client version.
         * @description The first call a client makes. The flags in the answer depend on the `sdk_version` sent. Fields the client does not know are ignored; absent fields take the defaults shown.
         */
        post: operations["getClientConfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client/dynamic_config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch the flags that may change during a client's lifetime.
         * @description Fetched after start-up and again every `refresh_interval_sec` seconds (at least 10). A 404 means the server predates this endpoint: use the defaults.
         */
        post: operations["getClientDynamicConfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the presented credential for a short-lived JWT.
         * @description Only used when the client config has `pjwt_auth_enabled: true`. The JWT is then sent as `X-API-Key` on every other request and refreshed before it expires.
         */
        post: operations["exchangeAuthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/apikey/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Describe the API key presented in `X-API-Key`.
         * @description Used by the command-line login to check a key before storing it.
         */
        get: operations["getCurrentApiKey"];
        put?: never;
        post?: never;
        /** Revoke the API key presented in `X-API-Key` (and no other). */
        delete: operations["deleteCurrentApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/create_session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a session; training and sampling clients live inside one. */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session_heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Keep a session alive (sent every 10 seconds).
         * @description A 410 answer means the session is finished (for example after sessions/{id}/finish); the client stops sending heartbeats. Other failures are ignored and retried at the next beat.
         */
        post: operations["sessionHeartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a session finished, with the reason.
         * @description Sent when a client is closed. The first reason recorded wins; later calls cannot replace it, and further work in the session is rejected.
         */
        post: operations["finishSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/get_server_capabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the base models the service supports. */
        get: operations["getServerCapabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe. */
        get: operations["healthCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/create_custom_loss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a traced custom loss graph for use by forward_backward.
         * @description Only used when the client config has `custom_loss_server_side: true`. Answers a future whose result is `CreateCustomLossResponse`.
         */
        post: operations["createCustomLoss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retrieve_future": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Long-poll the result of one asynchronous request.
         * @description The server holds the call for up to about 45 seconds. The client re-polls immediately (no
         *     sleep) until it gets a final answer:
         *
         *     * `TryAgainResponse` (`type: "try_again"`): not ready; poll again. `queue_state` tells
         *       whether the request is waiting because of capacity or rate limits.
         *     * `CompleteMetadataResponse` (`status: "complete_metadata"`): only when
         *       `allow_metadata_only` was true and the result is large. Reserve `response_payload_size`
         *       bytes, then poll again with `allow_metadata_only: false`.
         *     * `RequestFailedResponse` (has `error`): the request failed; `category` says whose fault.
         *     * anything else: the result, of the type the submitting endpoint documents.
         *     * `application/x-protobuf` body: the result of forward/forward_backward
         *       (`tinker_public.ForwardBackwardOutput`) or asample (`tinker_public.SampleResponse`).
         *       Ask for it with `Accept: application/x-protobuf`.
         *
         *     HTTP statuses: 408 and 5xx mean "poll again now" (a 408 body may carry `queue_state`); 429 and
         *     connection errors mean "poll again after a backoff"; 410 means the request expired and must
         *     be submitted again; 402 means billing is paused.
         */
        post: operations["retrieveFuture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retrieve_futures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Long-poll every completion in a sampling session since a cursor.
         * @description Used instead of per-request polling when the client config has `sample_use_retrieve_futures: true`. A completion only says that a request finished or failed; the payload of a finished one is then fetched with retrieve_future.
         */
        post: operations["retrieveFutures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cancel_future": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the server to stop working on a request whose result is no longer wanted.
         * @description Sent for abandoned sampling requests when the dynamic config has `sample_cancel_enabled: true`.
         */
        post: operations["cancelFuture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/create_model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a LoRA training model in a session.
         * @description Answers a future whose result is `CreateModelResponse`.
         */
        post: operations["createModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/get_info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Describe a training model (answered directly, not as a future). */
        post: operations["getModelInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unload_model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a training model's resources.
         * @description Answers a future whose result is `UnloadModelResponse`. The reference client never calls it.
         */
        post: operations["unloadModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forward_backward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a forward pass, and unless `forward_only` is set, a backward pass.
         * @description The body is the protobuf message `tinker_public.ForwardBackwardRequest` (spec/proto), not JSON.
         *     When the client config has `proto_compress_fwdbwd: true` the body is one zstd frame and the
         *     request carries `Content-Encoding: zstd`. Large batches are split into chunks, each its own
         *     request with its own `seq_id`. Answers a future whose result is `ForwardBackwardOutput`
         *     (protobuf when retrieved with `Accept: application/x-protobuf`).
         *
         *     Older servers also took a JSON body (`ForwardBackwardRequest` in the components); current
         *     clients do not send it.
         */
        post: operations["forwardBackward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/optim_step": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply one optimizer step with the accumulated gradients.
         * @description Answers a future whose result is `OptimStepResponse`.
         */
        post: operations["optimStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/save_weights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save the full training state (weights and optimizer) as a checkpoint.
         * @description Writes `tinker://<model_id>/weights/<path>`. `path` is the checkpoint's name, not a URI.
         *     Saving under an existing name fails unless `overwrite` is true; with `overwrite` the stored
         *     `user_metadata` is replaced as a whole. Answers a future whose result is `SaveWeightsResponse`.
         *     The reference client sends this with no HTTP-level retries.
         */
        post: operations["saveWeights"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/load_weights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load a checkpoint into a training model, optionally with its optimizer state.
         * @description Two ways to name the target model, exactly one of which must be used:
         *
         *     * **existing model**: `model_id` + `seq_id` (the training client's next sequence number);
         *     * **create-via-load**: `session_id` + `model_seq_id`; the load creates the model
         *       (`<session_id>:train:<model_seq_id>`) as its first request, so no create_model is sent.
         *       `base_model`, `user_metadata` and `optimizer_config` only make sense here.
         *
         *     `optimizer: true` also restores the optimizer state (resume training exactly); `false` loads
         *     the weights only. Answers a future whose result is `LoadWeightsResponse`.
         */
        post: operations["loadWeights"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/save_weights_for_sampler": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save the current weights in the form a sampler loads.
         * @description Either named (`path` set): a persistent checkpoint `tinker://<model_id>/sampler_weights/<path>`,
         *     whose path comes back in the result; or unnamed (`sampling_session_seq_id` set): an
         *     ephemeral snapshot served by a new sampling session, whose id comes back in the result.
         *     Exactly one of `path` and `sampling_session_seq_id` is sent. Answers a future whose result is
         *     `SaveWeightsForSamplerResponseInternal`. Sent with no HTTP-level retries.
         */
        post: operations["saveWeightsForSampler"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/save_weights_external": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Export the current weights in a standard (Hugging Face style) file layout.
         * @description Writes `tinker://<model_id>/external_weights/<path>`; download the files with external_weights_urls. Answers a future whose result is `SaveWeightsExternalResponseInternal`.
         */
        post: operations["saveWeightsExternal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/copy_weights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a checkpoint into another project (answered directly, not as a future).
         * @description The copy shares storage with the source, keeps its kind, and belongs to a new training run that cannot be trained. It does not inherit the source's expiry. A credential for a checkpoint of another account goes in `X-Tinker-Weights-Access-Token`. The reference client reuses one idempotency key across all retries of a copy.
         */
        post: operations["copyWeights"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/weights_info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Describe the model a checkpoint belongs to (base model, LoRA settings).
         * @description Used to recreate a training client from a checkpoint.
         */
        post: operations["getWeightsInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/create_sampling_session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a sampling session on a base model or a sampler checkpoint. */
        post: operations["createSamplingSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/join_sampling_session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a client number, unique within an existing sampling session, for a new client of it.
         * @description Used when the client config has `sample_join_sampling_session: true`.
         */
        post: operations["joinSamplingSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/asample": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate completions for a prompt.
         * @description Answers a future whose result is `SampleResponse` (protobuf when retrieved with `Accept: application/x-protobuf`). With `X-Tinker-Sampling-Backpressure: 1` the server may answer 429 instead of queueing; the client then backs off and resends the same request.
         */
        post: operations["sample"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/samplers/{sampler_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Describe a sampling session. */
        get: operations["getSampler"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telemetry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a batch of client telemetry events. */
        post: operations["sendTelemetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training_runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List training runs, newest first. */
        get: operations["listTrainingRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training_runs/{training_run_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Describe one training run. */
        get: operations["getTrainingRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training_runs/{training_run_id}/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List every checkpoint of a training run (not paginated). */
        get: operations["listCheckpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a checkpoint. */
        delete: operations["deleteCheckpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a short-lived download URL for a checkpoint as a tar archive.
         * @description Send `Accept: application/json` and do not follow redirects. The answer is either a **302**
         *     whose `Location` is the signed URL (and `Expires`, an HTTP date, its expiry; assume 15 minutes
         *     when absent), or a **200** JSON `CheckpointArchiveUrlResponse`. A **503** means the archive is
         *     still being built: wait (the reference client waits 30 s, up to 6 times) and ask again.
         *     Python SDK 0.38.0 no longer calls it (checkpoint download goes through save_weights_external
         *     and external_weights_urls); it is kept as the 0.25 reference describes it.
         */
        get: operations["getCheckpointArchiveUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a checkpoint readable by other accounts.
         * @description No request body (the reference client still sends `Content-Type: application/json`).
         */
        post: operations["publishCheckpoint"];
        /** Make a published checkpoint private again. */
        delete: operations["unpublishCheckpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}/ttl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set or remove a checkpoint's expiry.
         * @description `ttl_seconds` counts from now. `null` removes the expiry, and is sent as an explicit `null` (the field is never omitted).
         */
        put: operations["setCheckpointTtl"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/training_runs/{training_run_id}/checkpoints/{checkpoint_id}/external_weights_urls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one signed download URL per file of an external-weights checkpoint. */
        get: operations["getExternalWeightsUrls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's checkpoints across all runs. */
        get: operations["listUserCheckpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List session ids, newest first. */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search sessions by project, owner, metadata, name and status. */
        post: operations["searchSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the training runs and samplers of a session. */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/project": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Move a session (and its runs) to a project. */
        put: operations["assignSessionProject"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}/trace_export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start or poll an export of a session's request trace.
         * @description Poll (every 5 s in the reference client) until `status` is `ready` (then `url` is set) or `failed`.
         */
        get: operations["exportSessionTrace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the organisation's audit log. */
        get: operations["getAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/usage/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read usage and estimated cost between two instants. */
        get: operations["getBillingUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/usage/checkpoints/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Current checkpoint storage per project and user, with its monthly cost.
         * @description The figures may lag by an hour or two.
         */
        get: operations["getCurrentCheckpointStorageUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Body of an HTTP error. All fields are optional; a 408 from retrieve_future may carry the queue state like a `TryAgainResponse`. */
        ErrorResponse: {
            /** @description Human-readable explanation (a string, or structured validation details). */
            detail?: unknown;
            error?: string;
            message?: string;
            queue_state?: components["schemas"]["QueueState"];
            queue_state_reason?: string;
        };
        /**
         * @description `tinker://<training_run_id>/<kind>/<name>`, the address of one checkpoint.
         * @example tinker://sess-1:train:0/weights/step-100
         */
        TinkerPath: string;
        /** @description A checkpoint name as given to a save call; it becomes the last segment of the path. */
        CheckpointName: string;
        /** @description Seconds until the checkpoint expires, from one hour (3600) up to ten years. */
        TtlSeconds: number;
        /** @description Free-form string labels attached by the user. */
        UserMetadata: {
            [key: string]: string;
        };
        /** @description Free-form metadata attached by the user (values of any JSON type). */
        AnyMetadata: {
            [key: string]: unknown;
        };
        ClientConfigRequest: {
            /** @description The client version the server resolves flags for. tinker-ts sends `0.38.0`. */
            sdk_version: string;
        };
        /** @description Server feature flags. Absent fields take the defaults shown; unknown fields are ignored. */
        ClientConfigResponse: {
            /**
             * @description Exchange the credential for a JWT via /auth/token.
             * @default false
             */
            pjwt_auth_enabled?: boolean;
            /**
             * @description Which credential to exchange: `api_key` or `credential_cmd`.
             * @default api_key
             */
            credential_default_source?: string;
            /** @default 10485760 */
            sample_dispatch_bytes_semaphore_size?: number;
            /** @default 52428800 */
            inflight_response_bytes_semaphore_size?: number;
            /** @default true */
            parallel_fwdbwd_chunks?: boolean;
            /**
             * @description zstd-compress forward_backward bodies.
             * @default false
             */
            proto_compress_fwdbwd?: boolean;
            /**
             * @description Most datums in one forward_backward request.
             * @default 1024
             */
            fwdbwd_max_chunk_len?: number;
            /**
             * @description Largest estimated size of one forward_backward request.
             * @default 5000000
             */
            fwdbwd_max_chunk_bytes_count?: number;
            /** @default 50000000 */
            fwdbwd_dispatch_bytes_semaphore_size?: number;
            /**
             * @description How long to keep retrying through HTTP 402.
             * @default 3600
             */
            billing_exception_max_pause_duration_sec?: number;
            /** @default false */
            sample_no_retries?: boolean;
            /** @default true */
            sample_enable_stuck_detection?: boolean;
            /** @default 2000 */
            sample_max_concurrent_requests?: number;
            /**
             * @description Python transport choice; no wire effect.
             * @default true
             */
            use_pyqwest_transport?: boolean;
            /**
             * @description Poll sampling results with /retrieve_futures.
             * @default false
             */
            sample_use_retrieve_futures?: boolean;
            /**
             * @description Register custom losses with /create_custom_loss.
             * @default false
             */
            custom_loss_server_side?: boolean;
            /**
             * @description Join sampling sessions with /join_sampling_session.
             * @default false
             */
            sample_join_sampling_session?: boolean;
        };
        ClientDynamicConfigResponse: {
            /** @default 300 */
            refresh_interval_sec?: number;
            /**
             * @description Send /cancel_future for abandoned samples.
             * @default false
             */
            sample_cancel_enabled?: boolean;
            /** @default 64 */
            sample_cancel_max_batch_size?: number;
        };
        /** @description Always the empty object. */
        AuthTokenRequest: Record<string, never>;
        AuthTokenResponse: {
            jwt: string;
        };
        SelfApiKeyResponse: {
            key_id: number;
            name: string;
            note: string;
            details: components["schemas"]["ApiKeyDetails"];
        };
        /** @description The organisation and user an API key belongs to. */
        ApiKeyDetails: {
            org_details: {
                name: string;
            };
            user_details: {
                email: string;
            };
        };
        HealthResponse: {
            /** @constant */
            status: "ok";
        };
        CreateSessionRequest: {
            /** @description Labels; the reference client takes them from `TINKER_TAGS` (order not preserved). */
            tags: string[];
            user_metadata: components["schemas"]["AnyMetadata"];
            sdk_version: string;
            project_id?: string;
            display_name?: string;
            /**
             * @default create_session
             * @constant
             */
            type: "create_session";
        };
        CreateSessionResponse: {
            /** @constant */
            type?: "create_session";
            info_message?: string | null;
            warning_message?: string | null;
            error_message?: string | null;
            session_id: string;
        };
        SessionHeartbeatRequest: {
            session_id: string;
            /**
             * @default session_heartbeat
             * @constant
             */
            type: "session_heartbeat";
        };
        SessionHeartbeatResponse: {
            /** @constant */
            type?: "session_heartbeat";
        };
        FinishSessionRequest: {
            reason: {
                type: components["schemas"]["ClientSessionFinishReasonType"];
            };
            /** @description Optional explanation; sent as `null` when there is none. */
            detail: string | null;
        };
        /** @enum {string} */
        ClientSessionFinishReasonType: "success" | "errored" | "interrupted";
        SupportedModel: {
            model_name?: string | null;
            max_context_length?: number | null;
            trainable?: boolean | null;
            sampleable?: boolean | null;
        };
        GetServerCapabilitiesResponse: {
            supported_models: components["schemas"]["SupportedModel"][];
        };
        /** @description Handle of an accepted asynchronous request. */
        UntypedAPIFuture: {
            request_id: string;
            model_id?: string | null;
            /** @description For asample, one id per requested sample; they become `SampledSequence.sequence_id`. */
            sample_sequence_ids?: string[] | null;
        };
        FutureRetrieveRequest: {
            request_id: string;
            /**
             * @description Accept a `CompleteMetadataResponse` instead of a large result, so the client can reserve memory first. The reference client sends `true` until it has received metadata once.
             * @default false
             */
            allow_metadata_only: boolean;
        };
        /** @enum {string} */
        QueueState: "active" | "paused_capacity" | "paused_rate_limit";
        TryAgainResponse: {
            /** @constant */
            type: "try_again";
            request_id: string;
            queue_state: components["schemas"]["QueueState"];
            /** @description Why the queue is paused, for display. */
            queue_state_reason?: string;
        };
        /** @description The result is ready but large; only its size is returned. */
        CompleteMetadataResponse: {
            /** @constant */
            status: "complete_metadata";
            /** @description Size in bytes of the full result. */
            response_payload_size: number;
        };
        /**
         * @description `user`: the request was wrong; `server`: the service failed; `unknown`: unclassified.
         * @enum {string}
         */
        RequestErrorCategory: "unknown" | "server" | "user";
        RequestFailedResponse: {
            error: string;
            category: components["schemas"]["RequestErrorCategory"];
        };
        /** @description Any answer of retrieve_future. Classify in this order: `type == "try_again"`, then `status == "complete_metadata"`, then presence of `error`, then the expected result type. */
        FutureRetrieveResponse: components["schemas"]["TryAgainResponse"] | components["schemas"]["CompleteMetadataResponse"] | components["schemas"]["RequestFailedResponse"] | components["schemas"]["ForwardBackwardOutput"] | components["schemas"]["OptimStepResponse"] | components["schemas"]["SaveWeightsResponse"] | components["schemas"]["LoadWeightsResponse"] | components["schemas"]["SaveWeightsForSamplerResponseInternal"] | components["schemas"]["SaveWeightsExternalResponseInternal"] | components["schemas"]["CreateModelResponse"] | components["schemas"]["UnloadModelResponse"] | components["schemas"]["CreateCustomLossResponse"] | components["schemas"]["SampleResponse"];
        SamplingSessionFuturesTarget: {
            /**
             * @default sampling_session
             * @constant
             */
            type: "sampling_session";
            sampling_session_id: string;
            /**
             * @description `seq_id // 1_000_000_000` of the polled requests.
             * @default 0
             */
            cloned_sampler_id: number;
        };
        FuturesRetrieveRequest: {
            target: components["schemas"]["SamplingSessionFuturesTarget"];
            /** @default 0 */
            prev_cursor: number;
            /** @description Seconds the server may hold the call. */
            timeout?: number;
            /** @default [] */
            retrieved_request_ids: string[];
        };
        FutureFinished: {
            /** @constant */
            state: "finished";
            request_id: string;
            response_payload_uncompressed_size?: number | null;
        };
        FutureFailed: {
            /** @constant */
            state: "failed";
            request_id: string;
        };
        FutureCompletion: components["schemas"]["FutureFinished"] | components["schemas"]["FutureFailed"];
        FuturesRetrieveResponse: {
            completions: components["schemas"]["FutureCompletion"][];
            cursor: number;
        };
        CancelFutureRequest: {
            request_id: string;
        };
        LoraConfig: {
            rank: number;
            /** @description Initialisation seed; omitted when not chosen. */
            seed?: number;
            /** @default true */
            train_unembed: boolean;
            /** @default true */
            train_mlp: boolean;
            /** @default true */
            train_attn: boolean;
        };
        AdamOptimizerConfig: {
            /**
             * @default adamw
             * @constant
             */
            type: "adamw";
        };
        DimuonOptimizerConfig: {
            /** @constant */
            type: "dimuon";
            /**
             * @default 1
             * @constant
             */
            version: 1;
        };
        /** @description The optimizer family of a model, fixed at creation. Adam (`adamw`) unless stated; other families are named by `type` and may carry more fields. */
        OptimizerConfig: components["schemas"]["AdamOptimizerConfig"] | components["schemas"]["DimuonOptimizerConfig"] | {
            type: string;
        };
        CreateModelRequest: {
            session_id: string;
            /** @description Per-session counter of training models, from 0. */
            model_seq_id: number;
            base_model: string;
            user_metadata?: components["schemas"]["AnyMetadata"];
            lora_config?: components["schemas"]["LoraConfig"];
            /**
             * @default {
             *       "type": "adamw"
             *     }
             */
            optimizer_config?: components["schemas"]["OptimizerConfig"];
            /**
             * @default create_model
             * @constant
             */
            type: "create_model";
        };
        CreateModelResponse: {
            model_id: string;
            /** @constant */
            type?: "create_model";
        };
        GetInfoRequest: {
            model_id: string;
            /**
             * @default get_info
             * @constant
             */
            type: "get_info";
        };
        ModelData: {
            arch?: string | null;
            model_name?: string | null;
            /** @description Hugging Face tokenizer id; the reference client keeps only the part before the first `:`. */
            tokenizer_id?: string | null;
        };
        GetInfoResponse: {
            /** @enum {string|null} */
            type?: "get_info" | null;
            model_data: components["schemas"]["ModelData"];
            model_id: string;
            /**
             * @default {
             *       "type": "adamw"
             *     }
             */
            optimizer_config?: components["schemas"]["OptimizerConfig"];
            is_lora?: boolean | null;
            lora_rank?: number | null;
            model_name?: string | null;
        };
        UnloadModelRequest: {
            model_id: string;
            /**
             * @default unload_model
             * @constant
             */
            type: "unload_model";
        };
        UnloadModelResponse: {
            model_id: string;
            /** @enum {string|null} */
            type?: "unload_model" | null;
        };
        /** @description Hyperparameters of one Adam step. Every member is always sent. */
        AdamParams: {
            /** @default 0.0001 */
            learning_rate: number;
            /** @default 0.9 */
            beta1: number;
            /** @default 0.95 */
            beta2: number;
            /** @default 1e-12 */
            eps: number;
            /**
             * @description Decoupled weight decay.
             * @default 0
             */
            weight_decay: number;
            /**
             * @description Clip the global gradient norm to this; 0 disables clipping.
             * @default 0
             */
            grad_clip_norm: number;
        };
        DimuonParams: {
            /** @constant */
            type: "dimuon";
            learning_rate: number;
            /** @default 0 */
            grad_clip_norm: number;
            /** @default 0.9 */
            beta1: number;
        };
        /** @description Step hyperparameters of a non-Adam optimizer family, named by `type`. */
        OptimizerParams: components["schemas"]["DimuonParams"] | {
            type: string;
        };
        /** @description Exactly one of `adam_params` (Adam models) and `optimizer_params` (other optimizer families). The reference client writes the parameters last: `{"model_id", "seq_id", "type", "adam_params"}`. */
        OptimStepRequest: {
            model_id: string;
            seq_id?: number;
            /**
             * @default optim_step
             * @constant
             */
            type: "optim_step";
            adam_params?: components["schemas"]["AdamParams"];
            optimizer_params?: components["schemas"]["OptimizerParams"];
        } & ({
            adam_params: components["schemas"]["AdamParams"];
            optimizer_params?: never;
        } | {
            adam_params?: never;
            optimizer_params: components["schemas"]["OptimizerParams"];
        });
        OptimStepResponse: {
            metrics?: {
                [key: string]: number;
            } | null;
        };
        /** @enum {string} */
        LossFnType: "cross_entropy" | "importance_sampling" | "ppo" | "cispo" | "dro" | "gspo" | "stable_reinforce" | "custom";
        /** @enum {string} */
        TensorDtype: "int64" | "float32";
        /** @description A tensor as a flat list. Dense: `data` holds every element in row-major order. Sparse (CSR, two-dimensional): `data` holds only the stored values, `sparse_crow_indices` the row pointers (rows + 1) and `sparse_col_indices` the column of each value; `shape` is required. */
        TensorData: {
            data: number[];
            dtype: components["schemas"]["TensorDtype"];
            shape?: number[];
            sparse_crow_indices?: number[];
            sparse_col_indices?: number[];
        };
        EncodedTextChunk: {
            tokens: number[];
            /**
             * @default encoded_text
             * @constant
             */
            type: "encoded_text";
        };
        /** @enum {string} */
        ImageFormat: "png" | "jpeg";
        ImageChunk: {
            /** @description The image file, base64-encoded. */
            data: string;
            format: components["schemas"]["ImageFormat"];
            /** @description How many tokens the image occupies. */
            expected_tokens?: number;
            /**
             * @default image
             * @constant
             */
            type: "image";
        };
        /** @description An image stored elsewhere. Usable in sampling requests; cannot be sent in protobuf training bodies. */
        ImageAssetPointerChunk: {
            format: components["schemas"]["ImageFormat"];
            location: string;
            expected_tokens?: number;
            /**
             * @default image_asset_pointer
             * @constant
             */
            type: "image_asset_pointer";
        };
        DmelChunk: {
            /** @description A serialised tensor container, base64-encoded. */
            dmel: string;
            /**
             * @default dmel
             * @constant
             */
            type: "dmel";
        };
        ModelInputChunk: components["schemas"]["EncodedTextChunk"] | components["schemas"]["ImageAssetPointerChunk"] | components["schemas"]["ImageChunk"] | components["schemas"]["DmelChunk"];
        ModelInput: {
            chunks: components["schemas"]["ModelInputChunk"][];
        };
        /** @description One training example (JSON form; current clients send it inside the protobuf body). */
        Datum: {
            loss_fn_inputs: {
                [key: string]: components["schemas"]["TensorData"];
            };
            model_input: components["schemas"]["ModelInput"];
        };
        ForwardBackwardInput: {
            data: components["schemas"]["Datum"][];
            loss_fn: components["schemas"]["LossFnType"];
            loss_fn_config?: {
                [key: string]: number | string;
            };
        };
        /** @description Legacy JSON body of /forward_backward; current clients send the protobuf message of the same name. */
        ForwardBackwardRequest: {
            forward_backward_input: components["schemas"]["ForwardBackwardInput"];
            model_id: string;
            seq_id?: number;
        };
        /** @description Legacy JSON body of the removed /forward endpoint; current clients send /forward_backward with forward_only. */
        ForwardRequest: {
            forward_input: components["schemas"]["ForwardBackwardInput"];
            model_id: string;
            seq_id?: number;
        };
        /** @description JSON form of a forward/forward_backward result (current servers answer protobuf). */
        ForwardBackwardOutput: {
            loss_fn_output_type: string;
            loss_fn_outputs: {
                [key: string]: components["schemas"]["TensorData"];
            }[];
            /** @description Keys are `<name>:<reduction>`, e.g. `loss:sum`. */
            metrics: {
                [key: string]: number;
            };
        };
        CustomLossInput: {
            name: string;
            /** @enum {integer} */
            rank: 0 | 1 | 2;
        };
        CustomLossNode: {
            /** @enum {string} */
            op: "placeholder" | "get_attr" | "call_function" | "call_method" | "call_module" | "output";
            name: string;
            target: string;
            /** @default [] */
            args: unknown[];
            /** @default {} */
            kwargs: {
                [key: string]: unknown;
            };
        };
        CustomLossGraph: {
            /**
             * @default 1
             * @constant
             */
            format: 1;
            nodes: components["schemas"]["CustomLossNode"][];
        };
        CreateCustomLossRequest: {
            session_id: string;
            custom_loss_seq_id: number;
            name: string;
            inputs: components["schemas"]["CustomLossInput"][];
            graph: components["schemas"]["CustomLossGraph"];
            /**
             * @default create_custom_loss
             * @constant
             */
            type: "create_custom_loss";
        };
        CreateCustomLossResponse: {
            loss_id: string;
            /** @constant */
            type?: "create_custom_loss";
        };
        /** @description Body of /save_weights (TrainingClient.save_state). */
        SaveWeightsRequest: {
            model_id: string;
            path?: components["schemas"]["CheckpointName"];
            seq_id?: number;
            ttl_seconds?: components["schemas"]["TtlSeconds"];
            /**
             * @description Replace an existing checkpoint of the same name (and its metadata). Always sent.
             * @default false
             */
            overwrite: boolean;
            user_metadata?: components["schemas"]["UserMetadata"];
            /**
             * @default save_weights
             * @constant
             */
            type: "save_weights";
        };
        SaveWeightsResponse: {
            path: components["schemas"]["TinkerPath"];
            /** @enum {string|null} */
            type?: "save_weights" | null;
        };
        /** @description Body of /load_weights. Exactly one addressing: `model_id` + `seq_id` (existing model) or `session_id` + `model_seq_id` (create the model by loading). */
        LoadWeightsRequest: {
            /** @description Existing model to load into (with `seq_id`). */
            model_id?: string;
            seq_id?: number;
            /** @description Session in which the load creates a new model (with `model_seq_id`). */
            session_id?: string;
            model_seq_id?: number;
            /** @description Create-via-load only: a compatible base model to use instead of the checkpoint's. */
            base_model?: string;
            user_metadata?: components["schemas"]["AnyMetadata"];
            path: components["schemas"]["TinkerPath"];
            /** @description Also restore the optimizer state saved with the weights. */
            optimizer: boolean;
            /** @description Create-via-load only: the optimizer family of the new model (Adam if omitted). It cannot override optimizer state restored with `optimizer: true`. */
            optimizer_config?: components["schemas"]["OptimizerConfig"];
            /** @description Credential that may read a checkpoint of another account. */
            weights_access_token?: string;
            /**
             * @default load_weights
             * @constant
             */
            type: "load_weights";
        } & ({
            model_id: string;
            seq_id: number;
            session_id?: never;
            model_seq_id?: never;
            base_model?: never;
            optimizer_config?: never;
        } | {
            model_id?: never;
            seq_id?: never;
            session_id: string;
            model_seq_id: number;
        });
        LoadWeightsResponse: {
            path?: string | null;
            model_id?: string | null;
            /** @enum {string|null} */
            type?: "load_weights" | null;
        };
        /**
         * @description `snapshot`: the sampler serves the weights as saved; `inflight`: it follows training.
         * @enum {string}
         */
        SamplingClientKind: "snapshot" | "inflight";
        /** @description Body of /save_weights_for_sampler. Exactly one of `path` and `sampling_session_seq_id`. */
        SaveWeightsForSamplerRequest: {
            model_id: string;
            path?: components["schemas"]["CheckpointName"];
            /** @description For an unnamed save, the next value of the per-session sampling counter. */
            sampling_session_seq_id?: number;
            /** @default snapshot */
            kind?: components["schemas"]["SamplingClientKind"];
            seq_id?: number;
            ttl_seconds?: components["schemas"]["TtlSeconds"];
            user_metadata?: components["schemas"]["UserMetadata"];
            /**
             * @default save_weights_for_sampler
             * @constant
             */
            type: "save_weights_for_sampler";
        } & ({
            path: components["schemas"]["CheckpointName"];
            sampling_session_seq_id?: never;
        } | {
            path?: never;
            sampling_session_seq_id: number;
        });
        /** @description Result of /save_weights_for_sampler. Named saves return `path`; unnamed saves return `sampling_session_id`. */
        SaveWeightsForSamplerResponseInternal: {
            path?: components["schemas"]["TinkerPath"] | null;
            sampling_session_id?: string | null;
            /** @enum {string|null} */
            type?: "save_weights_for_sampler" | null;
        };
        /** @description The public result of a named sampler save. */
        SaveWeightsForSamplerResponse: {
            path: components["schemas"]["TinkerPath"];
            /** @enum {string|null} */
            type?: "save_weights_for_sampler" | null;
        };
        SaveWeightsExternalRequest: {
            model_id: string;
            path: components["schemas"]["CheckpointName"];
            seq_id?: number;
            ttl_seconds?: components["schemas"]["TtlSeconds"];
            /** @description age public keys to encrypt the exported files to. */
            age_encryption_recipients?: string[];
            /**
             * @default save_weights_external
             * @constant
             */
            type: "save_weights_external";
        };
        SaveWeightsExternalResponseInternal: {
            path?: string | null;
            size_bytes?: number | null;
            /** @enum {string|null} */
            type?: "save_weights_external" | null;
        };
        SaveWeightsExternalResponse: {
            path: string;
            /** @enum {string|null} */
            type?: "save_weights_external" | null;
        };
        /** @description Body of /copy_weights. The RestClient form names a `destination_project_id`; the ServiceClient form copies into a run slot of the calling session (`session_id` + `model_seq_id`). */
        CopyWeightsRequest: {
            session_id?: string;
            model_seq_id?: number;
            destination_project_id?: string;
            source_path: components["schemas"]["TinkerPath"];
            ttl_seconds?: components["schemas"]["TtlSeconds"];
            weights_access_token?: string;
        };
        CopyWeightsResponse: {
            tinker_path: components["schemas"]["TinkerPath"];
        };
        WeightsInfoRequest: {
            tinker_path: components["schemas"]["TinkerPath"];
        };
        WeightsInfoResponse: {
            base_model: string;
            /**
             * @default {
             *       "type": "adamw"
             *     }
             */
            optimizer_config?: components["schemas"]["OptimizerConfig"];
            is_lora: boolean;
            lora_rank?: number | null;
            train_unembed?: boolean | null;
            train_mlp?: boolean | null;
            train_attn?: boolean | null;
        };
        /**
         * @description `training` = `weights/...`, `sampler` = `sampler_weights/...`, `external` = `external_weights/...`.
         * @enum {string}
         */
        CheckpointType: "training" | "sampler" | "external";
        Checkpoint: {
            /** @description `<kind>/<name>`, e.g. `weights/step-100`. */
            checkpoint_id: string;
            checkpoint_type: components["schemas"]["CheckpointType"];
            /** Format: date-time */
            time: string;
            tinker_path: components["schemas"]["TinkerPath"];
            size_bytes?: number | null;
            /** @default false */
            public?: boolean;
            user_metadata?: components["schemas"]["UserMetadata"] | null;
            /**
             * Format: date-time
             * @description `null`: never expires.
             */
            expires_at?: string | null;
        };
        Cursor: {
            offset: number;
            limit: number;
            total_count: number;
        };
        CheckpointsListResponse: {
            checkpoints: components["schemas"]["Checkpoint"][];
            cursor?: components["schemas"]["Cursor"] | null;
        };
        TrainingRun: {
            training_run_id: string;
            base_model: string;
            model_owner: string;
            is_lora: boolean;
            /** @default false */
            corrupted?: boolean;
            lora_rank?: number | null;
            /** Format: date-time */
            last_request_time: string;
            last_checkpoint?: components["schemas"]["Checkpoint"] | null;
            last_sampler_checkpoint?: components["schemas"]["Checkpoint"] | null;
            user_metadata?: components["schemas"]["UserMetadata"] | null;
        };
        TrainingRunsResponse: {
            training_runs: components["schemas"]["TrainingRun"][];
            cursor: components["schemas"]["Cursor"];
        };
        CheckpointArchiveUrlResponse: {
            /** Format: uri */
            url: string;
            /** Format: date-time */
            expires: string;
        };
        SetCheckpointTtlRequest: {
            /** @description Seconds from now until expiry; `null` removes the expiry. */
            ttl_seconds: components["schemas"]["TtlSeconds"] | null;
        };
        ExternalWeightsUrlsResponse: {
            urls: {
                [key: string]: string;
            };
            /** Format: date-time */
            expires: string;
        };
        ListSessionsResponse: {
            sessions: string[];
        };
        GetSessionResponse: {
            training_run_ids: string[];
            sampler_ids: string[];
            user_metadata?: components["schemas"]["UserMetadata"] | null;
            display_name?: string | null;
        };
        AssignSessionProjectRequest: {
            project_id: string;
        };
        SessionTraceExportResponse: {
            /** @enum {string} */
            status: "pending" | "ready" | "failed";
            /** @description Signed download URL (valid about an hour) once `ready`. */
            url?: string | null;
            error?: string | null;
        };
        OwnSearchOwner: {
            /**
             * @default own
             * @constant
             */
            type: "own";
        };
        AccessibleSearchOwner: {
            /**
             * @default accessible
             * @constant
             */
            type: "accessible";
        };
        UserSearchOwner: {
            /**
             * @default user
             * @constant
             */
            type: "user";
            owner_urns: string[];
        };
        ActiveSessionStatusQuery: {
            /**
             * @default active
             * @constant
             */
            type: "active";
        };
        CancelledSessionStatusQuery: {
            /**
             * @default cancelled
             * @constant
             */
            type: "cancelled";
        };
        FailedSessionStatusQuery: {
            /**
             * @default failed
             * @constant
             */
            type: "failed";
        };
        ClientFinishedSessionStatusQuery: {
            /**
             * @default client_finished
             * @constant
             */
            type: "client_finished";
            /** @description Only sessions finished for one of these reasons; all when omitted. */
            reasons?: components["schemas"]["ClientSessionFinishReasonType"][];
        };
        SessionStatusQuery: components["schemas"]["ActiveSessionStatusQuery"] | components["schemas"]["CancelledSessionStatusQuery"] | components["schemas"]["FailedSessionStatusQuery"] | components["schemas"]["ClientFinishedSessionStatusQuery"];
        SessionSearchCursor: {
            /** Format: date-time */
            last_created_at: string;
            last_session_id: string;
        };
        SessionSearchRequest: {
            session_id?: string;
            project_ids?: string[];
            /** @default {} */
            user_metadata: components["schemas"]["UserMetadata"];
            display_name?: string;
            /**
             * @default {
             *       "type": "own"
             *     }
             */
            owner: components["schemas"]["OwnSearchOwner"] | components["schemas"]["AccessibleSearchOwner"] | components["schemas"]["UserSearchOwner"];
            statuses?: components["schemas"]["SessionStatusQuery"][];
            /** @default 50 */
            limit: number;
            /** @description The `next_cursor` of the previous page, passed back unchanged. */
            cursor?: components["schemas"]["SessionSearchCursor"];
        };
        SessionActive: {
            /** @constant */
            type: "active";
        };
        SessionCancelled: {
            /** @constant */
            type: "cancelled";
            detail?: string | null;
        };
        SessionFailed: {
            /** @constant */
            type: "failed";
            /** @enum {string} */
            category: "user" | "internal";
            /** @description What failed: a `request` (request_id, request_type), a `training_run` (training_run_id) or a `sampling_session` (sampling_session_id). */
            reason: {
                type: string;
                request_id?: string;
                request_type?: string;
                training_run_id?: string;
                sampling_session_id?: string;
            };
            message: string;
        };
        ClientSessionFinished: {
            /** @constant */
            type: "client_finished";
            reason: {
                type: components["schemas"]["ClientSessionFinishReasonType"];
            };
            detail?: string | null;
        };
        /** @description Lifecycle state of a session, told apart by `type`. */
        SessionStatus: components["schemas"]["SessionFailed"] | components["schemas"]["SessionCancelled"] | components["schemas"]["ClientSessionFinished"] | components["schemas"]["SessionActive"];
        SessionSummary: {
            session_id: string;
            /** Format: date-time */
            created_at: string;
            owner: string;
            project_id: string;
            status?: components["schemas"]["SessionStatus"] | null;
            checkpoints_count: number;
            display_name?: string | null;
            user_metadata?: components["schemas"]["UserMetadata"] | null;
            checkpoint_storage_bytes?: number | null;
        };
        SessionSearchResponse: {
            sessions: components["schemas"]["SessionSummary"][];
            next_cursor?: components["schemas"]["SessionSearchCursor"] | null;
        };
        /** @description Who the credential belongs to. No endpoint returns it: clients read it from the claims of the JWT they hold (`sub` is the user URN). */
        WhoamiResponse: {
            user_urn: string;
            org_urn: string;
            email?: string | null;
        };
        /** @description At least one of `base_model` and `model_path` (the reference client sends whichever the caller gave, both if both were given). */
        CreateSamplingSessionRequest: {
            session_id: string;
            sampling_session_seq_id: number;
            base_model?: string;
            model_path?: components["schemas"]["TinkerPath"];
            /**
             * @default create_sampling_session
             * @constant
             */
            type: "create_sampling_session";
        } & ({
            base_model: string;
            model_path?: components["schemas"]["TinkerPath"];
        } | {
            base_model?: never;
            model_path: components["schemas"]["TinkerPath"];
        });
        CreateSamplingSessionResponse: {
            /** @constant */
            type?: "create_sampling_session";
            sampling_session_id: string;
        };
        JoinSamplingSessionRequest: {
            sampling_session_id: string;
            /**
             * @default join_sampling_session
             * @constant
             */
            type: "join_sampling_session";
        };
        JoinSamplingSessionResponse: {
            /** @constant */
            type?: "join_sampling_session";
            /** @description The joining client's number in the session (the creator is 0). */
            client_counter: number;
        };
        /** @description Decoding settings. Unlike the other request models this one is not closed: the service ignores fields it does not know here, so a misspelt setting is silently dropped. Clients should rely on their own types to catch that. */
        SamplingParams: {
            max_tokens?: number;
            seed?: number;
            /** @description Stop strings, or stop token ids. */
            stop?: string | string[] | number[];
            /** @default 1 */
            temperature: number;
            /**
             * @description -1 disables top-k.
             * @default -1
             */
            top_k: number;
            /** @default 1 */
            top_p: number;
        };
        SampleRequest: {
            /** @default 1 */
            num_samples: number;
            prompt: components["schemas"]["ModelInput"];
            sampling_params: components["schemas"]["SamplingParams"];
            base_model?: string;
            model_path?: components["schemas"]["TinkerPath"];
            sampling_session_id?: string;
            seq_id?: number;
            /** @description Also score every prompt token. */
            prompt_logprobs?: boolean;
            /** @default 0 */
            topk_prompt_logprobs: number;
            /** @default 0 */
            topk_sample_logprobs?: number;
            /** @description int64 token ids, shape [len(prompt) - 1, K], -1 for none: score these tokens at each prompt position. */
            target_prompt_logprobs?: components["schemas"]["TensorData"];
            /** @default 0 */
            prompt_alt_tokens_k?: number;
            /** @description Score only the last n prompt tokens. */
            prompt_logprobs_last_n?: number;
            record_stability_info?: boolean;
            /**
             * @default sample
             * @constant
             */
            type: "sample";
        };
        /** @enum {string} */
        StopReason: "length" | "stop";
        SampledSequence: {
            stop_reason: components["schemas"]["StopReason"];
            tokens: number[];
            logprobs?: number[] | null;
            /** @description Id of this sequence within the session, for later requests that refer to it. Servers do not send it here: clients take it from the asample future's `sample_sequence_ids`. */
            sequence_id?: string | null;
        };
        /** @description JSON form of a sampling result (current servers answer protobuf). */
        SampleResponse: {
            sequences: components["schemas"]["SampledSequence"][];
            /** @constant */
            type?: "sample";
            prompt_logprobs?: (number | null)[] | null;
            topk_prompt_logprobs?: ([
                number,
                number
            ][] | null)[] | null;
            /** @default 0 */
            prompt_cache_hit_tokens?: number;
        };
        GetSamplerResponse: {
            sampler_id: string;
            base_model: string;
            model_path?: string | null;
        };
        AuditLogEntry: {
            /** Format: date-time */
            timestamp: string;
            event: string;
            /** @default {} */
            event_details?: {
                [key: string]: unknown;
            };
            model_id?: string | null;
            tinker_path?: string | null;
            purpose?: string | null;
        };
        AuditLogResponse: {
            entries: components["schemas"]["AuditLogEntry"][];
        };
        TrainingBillingEvent: {
            /** @constant */
            type: "training";
            token_count: number;
        };
        SamplingPrefillBillingEvent: {
            /** @constant */
            type: "sampling_prefill";
            cached: boolean;
            token_count: number;
        };
        SamplingSampleBillingEvent: {
            /** @constant */
            type: "sampling_sample";
            token_count: number;
        };
        CheckpointBillingEvent: {
            /** @constant */
            type: "checkpoint";
            count: number;
        };
        StorageBillingEvent: {
            /** @constant */
            type: "storage";
            /** @default false */
            free?: boolean;
            gigabyte_hours: number;
        };
        /** @description What was billed, told apart by `type`. */
        BillingEventInfo: components["schemas"]["TrainingBillingEvent"] | components["schemas"]["SamplingPrefillBillingEvent"] | components["schemas"]["SamplingSampleBillingEvent"] | components["schemas"]["CheckpointBillingEvent"] | components["schemas"]["StorageBillingEvent"];
        BillingUsageSession: {
            user_metadata?: components["schemas"]["UserMetadata"] | null;
        };
        BillingUsageEvent: {
            /** Format: date-time */
            bucket_start: string;
            /** Format: date-time */
            bucket_end: string;
            base_model?: string | null;
            user_id?: string | null;
            user_name?: string | null;
            session_id?: string | null;
            project_id?: string | null;
            estimated_cost_usd?: number | null;
            effective_rate_usd_per_million_tokens?: number | null;
            effective_rate_usd_per_gigabyte_month?: number | null;
            event_info: components["schemas"]["BillingEventInfo"];
        };
        BillingUsageResponse: {
            data: components["schemas"]["BillingUsageEvent"][];
            /**
             * @description The sessions the events belong to, by session id.
             * @default {}
             */
            sessions?: {
                [key: string]: components["schemas"]["BillingUsageSession"];
            };
            /** Format: date-time */
            cost_data_through?: string | null;
        };
        CurrentCheckpointStorageUsageItem: {
            project_id?: string | null;
            org_user_urn?: string | null;
            user_email?: string | null;
            user_name?: string | null;
            checkpoint_count: number;
            size_bytes: number;
            size_gigabytes: number;
            estimated_monthly_cost_usd?: number | null;
        };
        CurrentCheckpointStorageUsageResponse: {
            effective_rate_usd_per_gigabyte_month?: number | null;
            data: components["schemas"]["CurrentCheckpointStorageUsageItem"][];
        };
        /** @enum {string} */
        TelemetrySeverity: "DEBUG" | "INFO" | "WARNING" | "ERROR" | "CRITICAL";
        SessionStartEvent: {
            /** @constant */
            event: "SESSION_START";
            event_id: string;
            event_session_index: number;
            severity: components["schemas"]["TelemetrySeverity"];
            /** Format: date-time */
            timestamp: string;
        };
        SessionEndEvent: {
            /** @description Session length as Python prints a timedelta, e.g. `0:05:12.345678`. */
            duration: string;
            /** @constant */
            event: "SESSION_END";
            event_id: string;
            event_session_index: number;
            severity: components["schemas"]["TelemetrySeverity"];
            /** Format: date-time */
            timestamp: string;
        };
        UnhandledExceptionEvent: {
            error_message: string;
            error_type: string;
            /** @constant */
            event: "UNHANDLED_EXCEPTION";
            event_id: string;
            event_session_index: number;
            severity: components["schemas"]["TelemetrySeverity"];
            /** Format: date-time */
            timestamp: string;
            traceback?: string;
        };
        GenericEvent: {
            /** @constant */
            event: "GENERIC_EVENT";
            event_id: string;
            event_name: string;
            event_session_index: number;
            severity: components["schemas"]["TelemetrySeverity"];
            /** Format: date-time */
            timestamp: string;
            /** @default {} */
            event_data: {
                [key: string]: unknown;
            };
        };
        /** @description One telemetry event, told apart by `event`. */
        TelemetryEvent: components["schemas"]["SessionStartEvent"] | components["schemas"]["SessionEndEvent"] | components["schemas"]["UnhandledExceptionEvent"] | components["schemas"]["GenericEvent"];
        TelemetrySendRequest: {
            events: components["schemas"]["TelemetryEvent"][];
            platform: string;
            sdk_version: string;
            /** @description The session id, or `sessionless-<uuid>` for a REST-only client. */
            session_id: string;
            process_uuid: string;
        };
        TelemetryResponse: {
            /** @constant */
            status: "accepted";
        };
    };
    responses: {
        /** @description The request was accepted; poll its result with retrieve_future. */
        Future: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "request_id": "req-1",
                 *       "model_id": "sess-1:train:0"
                 *     }
                 */
                "application/json": components["schemas"]["UntypedAPIFuture"];
            };
        };
        /** @description Done. Any 2xx status counts as success; the body, if any, carries nothing. */
        Empty: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The request failed. The body is usually JSON; clients show it in the error message and must cope with an empty or non-JSON body. */
        Error: {
            headers: {
                "x-should-retry": components["headers"]["ShouldRetry"];
                "retry-after-ms": components["headers"]["RetryAfterMs"];
                "retry-after": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
        IdempotencyKey: string;
        /** @description How many times this future has been polled before (0 on the first poll). */
        RequestIteration: string;
        /** @description Which kind of request the polled future belongs to. */
        RequestType: "CreateModel" | "ForwardBackward" | "Forward" | "OptimStep" | "SaveWeights" | "LoadWeights" | "SaveWeightsForSampler" | "SaveWeightsExternal" | "Sample" | "CreateCustomLoss";
        /** @description On the first poll only, the submit request's round-trip time in seconds (decimal). */
        CreatePromiseRoundtripTime: string;
        /** @description `1`: answer 429 rather than queue when the sampler is saturated. */
        SamplingBackpressure: "1";
        /** @description `zstd` when the protobuf body is zstd-compressed (client config `proto_compress_fwdbwd`). */
        ContentEncoding: "zstd";
        /** @description A credential that may read the source checkpoint when it belongs to another account. */
        WeightsAccessToken: string;
        /** @description Sent by Python SDK 0.38.0 on calls made from a public SDK method (not on client/config, dynamic_config, create_session, heartbeat or telemetry): the SDK version. Informational. */
        SdkVersion: string;
        /** @description Sent by Python SDK 0.38.0 with `x-sdk-version`: the public method that made the call, e.g. `TrainingClient.optim_step`. Informational. */
        SdkMethod: string;
        /** @example sess-1 */
        SessionId: string;
        /**
         * @description A training run id, which is also the model id, e.g. `sess-1:train:0`. Inserted unencoded.
         * @example sess-1:train:0
         */
        TrainingRunId: string;
        /** @description `<kind>/<name>`, e.g. `weights/step-100`. Inserted unencoded: the `/` separates two path segments on the wire. */
        CheckpointId: string;
        Limit20: number;
        Offset: number;
        /** @description `owned`: only the caller's; `accessible`: also what others shared with the caller. */
        AccessScope: "owned" | "accessible";
    };
    requestBodies: never;
    headers: {
        /** @description `true`/`false` overrides the client's own decision whether to retry this status. */
        ShouldRetry: "true" | "false";
        /** @description Milliseconds to wait before retrying. */
        RetryAfterMs: string;
        /** @description Seconds (decimal) or an HTTP date to wait until before retrying. */
        RetryAfter: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getClientConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sdk_version": "0.38.0"
                 *     }
                 */
                "application/json": components["schemas"]["ClientConfigRequest"];
            };
        };
        responses: {
            /** @description The flags. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientConfigResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getClientDynamicConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sdk_version": "0.38.0"
                 *     }
                 */
                "application/json": components["schemas"]["ClientConfigRequest"];
            };
        };
        responses: {
            /** @description The flags. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientDynamicConfigResponse"];
                };
            };
            404: components["responses"]["Error"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    exchangeAuthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["AuthTokenRequest"];
            };
        };
        responses: {
            /** @description The JWT. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokenResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getCurrentApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key's public metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelfApiKeyResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    deleteCurrentApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "tags": [],
                 *       "user_metadata": {},
                 *       "sdk_version": "0.38.0",
                 *       "type": "create_session"
                 *     }
                 */
                "application/json": components["schemas"]["CreateSessionRequest"];
            };
        };
        responses: {
            /** @description The new session. Any of the three messages should be shown to the user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateSessionResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    sessionHeartbeat: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session_id": "sess-1",
                 *       "type": "session_heartbeat"
                 *     }
                 */
                "application/json": components["schemas"]["SessionHeartbeatRequest"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionHeartbeatResponse"];
                };
            };
            410: components["responses"]["Error"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    finishSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @example sess-1 */
                session_id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": {
                 *         "type": "success"
                 *       },
                 *       "detail": null
                 *     }
                 */
                "application/json": components["schemas"]["FinishSessionRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getServerCapabilities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The supported models. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetServerCapabilitiesResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    healthCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    createCustomLoss: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCustomLossRequest"];
            };
        };
        responses: {
            200: components["responses"]["Future"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    retrieveFuture: {
        parameters: {
            query?: never;
            header?: {
                /** @description How many times this future has been polled before (0 on the first poll). */
                "X-Tinker-Request-Iteration"?: components["parameters"]["RequestIteration"];
                /** @description Which kind of request the polled future belongs to. */
                "X-Tinker-Request-Type"?: components["parameters"]["RequestType"];
                /** @description On the first poll only, the submit request's round-trip time in seconds (decimal). */
                "X-Tinker-Create-Promise-Roundtrip-Time"?: components["parameters"]["CreatePromiseRoundtripTime"];
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "request_id": "req-1",
                 *       "allow_metadata_only": true
                 *     }
                 */
                "application/json": components["schemas"]["FutureRetrieveRequest"];
            };
        };
        responses: {
            /** @description Not ready yet, metadata, a failure, or the result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FutureRetrieveResponse"];
                    "application/x-protobuf": string;
                };
            };
            408: components["responses"]["Error"];
            410: components["responses"]["Error"];
            429: components["responses"]["Error"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    retrieveFutures: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "target": {
                 *         "type": "sampling_session",
                 *         "sampling_session_id": "sess-1:sample:0",
                 *         "cloned_sampler_id": 0
                 *       },
                 *       "prev_cursor": 0,
                 *       "retrieved_request_ids": []
                 *     }
                 */
                "application/json": components["schemas"]["FuturesRetrieveRequest"];
            };
        };
        responses: {
            /** @description Completions after `prev_cursor`, and the cursor to pass next time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FuturesRetrieveResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    cancelFuture: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "request_id": "req-1"
                 *     }
                 */
                "application/json": components["schemas"]["CancelFutureRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    createModel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "session_id": "sess-1",
                 *       "model_seq_id": 0,
                 *       "base_model": "Qwen/Qwen3-8B",
                 *       "lora_config": {
                 *         "rank": 32,
                 *         "train_unembed": true,
                 *         "train_mlp": true,
                 *         "train_attn": true
                 *       },
                 *       "optimizer_config": {
                 *         "type": "adamw"
                 *       },
                 *       "type": "create_model"
                 *     }
                 */
                "application/json": components["schemas"]["CreateModelRequest"];
            };
        };
        responses: {
            200: components["responses"]["Future"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getModelInfo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "model_id": "sess-1:train:0",
                 *       "type": "get_info"
                 *     }
                 */
                "application/json": components["schemas"]["GetInfoRequest"];
            };
        };
        responses: {
            /** @description The model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetInfoResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    unloadModel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "model_id": "sess-1:train:0",
                 *       "type": "unload_model"
                 *     }
                 */
                "application/json": components["schemas"]["UnloadModelRequest"];
            };
        };
        responses: {
            200: components["responses"]["Future"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    forwardBackward: {
        parameters: {
            query?: never;
            header?: {
                /** @description `zstd` when the protobuf body is zstd-compressed (client config `proto_compress_fwdbwd`). */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-protobuf": string;
            };
        };
        responses: {
            200: components["responses"]["Future"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    optimStep: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "model_id": "sess-1:train:0",
                 *       "seq_id": 2,
                 *       "type": "optim_step",
                 *       "adam_params": {
                 *         "learning_rate": 0.0001,
                 *         "beta1": 0.9,
                 *         "beta2": 0.95,
                 *         "eps": 1e-12,
                 *         "weight_decay": 0,
                 *         "grad_clip_norm": 0
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OptimStepRequest"];
            };
        };
        responses: {
            200: components["responses"]["Future"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    saveWeights: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveWeightsRequest"];
            };
        };
        responses: {
            200: components["responses"]["Future"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    loadWeights: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoadWeightsRequest"];
            };
        };
        responses: {
            200: components["responses"]["Future"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    saveWeightsForSampler: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveWeightsForSamplerRequest"];
            };
        };
        responses: {
            200: components["responses"]["Future"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    saveWeightsExternal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "model_id": "sess-1:train:0",
                 *       "path": "export-1",
                 *       "seq_id": 5,
                 *       "type": "save_weights_external"
                 *     }
                 */
                "application/json": components["schemas"]["SaveWeightsExternalRequest"];
            };
        };
        responses: {
            200: components["responses"]["Future"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    copyWeights: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A credential that may read the source checkpoint when it belongs to another account. */
                "X-Tinker-Weights-Access-Token"?: components["parameters"]["WeightsAccessToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CopyWeightsRequest"];
            };
        };
        responses: {
            /** @description The path of the copy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tinker_path": "tinker://run-9/weights/step-400"
                     *     }
                     */
                    "application/json": components["schemas"]["CopyWeightsResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getWeightsInfo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "tinker_path": "tinker://run-1/weights/step-100"
                 *     }
                 */
                "application/json": components["schemas"]["WeightsInfoRequest"];
            };
        };
        responses: {
            /** @description The checkpoint's model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "base_model": "Qwen/Qwen3-8B",
                     *       "optimizer_config": {
                     *         "type": "adamw"
                     *       },
                     *       "is_lora": true,
                     *       "lora_rank": 32,
                     *       "train_unembed": true,
                     *       "train_mlp": true,
                     *       "train_attn": true
                     *     }
                     */
                    "application/json": components["schemas"]["WeightsInfoResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    createSamplingSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSamplingSessionRequest"];
            };
        };
        responses: {
            /** @description The new sampling session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateSamplingSessionResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    joinSamplingSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sampling_session_id": "sess-1:sample:0",
                 *       "type": "join_sampling_session"
                 *     }
                 */
                "application/json": components["schemas"]["JoinSamplingSessionRequest"];
            };
        };
        responses: {
            /** @description The client number. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JoinSamplingSessionResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    sample: {
        parameters: {
            query?: never;
            header?: {
                /** @description `1`: answer 429 rather than queue when the sampler is saturated. */
                "X-Tinker-Sampling-Backpressure"?: components["parameters"]["SamplingBackpressure"];
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "num_samples": 2,
                 *       "prompt": {
                 *         "chunks": [
                 *           {
                 *             "tokens": [
                 *               1,
                 *               2,
                 *               3
                 *             ],
                 *             "type": "encoded_text"
                 *           }
                 *         ]
                 *       },
                 *       "sampling_params": {
                 *         "max_tokens": 20,
                 *         "stop": [
                 *           "\n"
                 *         ],
                 *         "temperature": 0.7,
                 *         "top_k": -1,
                 *         "top_p": 1
                 *       },
                 *       "sampling_session_id": "sess-1:sample:0",
                 *       "seq_id": 0,
                 *       "prompt_logprobs": false,
                 *       "topk_prompt_logprobs": 0,
                 *       "topk_sample_logprobs": 0,
                 *       "prompt_alt_tokens_k": 0,
                 *       "type": "sample"
                 *     }
                 */
                "application/json": components["schemas"]["SampleRequest"];
            };
        };
        responses: {
            /** @description Accepted. Unlike other futures this one must carry `sample_sequence_ids`, one id per requested sample, in the order the sequences will be returned (the reference client refuses the result otherwise). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "request_id": "req-7",
                     *       "sample_sequence_ids": [
                     *         "seq-a",
                     *         "seq-b"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["UntypedAPIFuture"] & {
                        sample_sequence_ids: string[];
                    };
                };
            };
            429: components["responses"]["Error"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getSampler: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A sampling session id, e.g. `sess-1:sample:0`. */
                sampler_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sampler. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetSamplerResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    sendTelemetry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TelemetrySendRequest"];
            };
        };
        responses: {
            /** @description Accepted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetryResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    listTrainingRuns: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit20"];
                offset?: components["parameters"]["Offset"];
                /** @description `owned`: only the caller's; `accessible`: also what others shared with the caller. */
                access_scope?: components["parameters"]["AccessScope"];
                /** @description Only runs of this project. Sent only when set. */
                project_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingRunsResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getTrainingRun: {
        parameters: {
            query?: {
                /** @description `owned`: only the caller's; `accessible`: also what others shared with the caller. */
                access_scope?: components["parameters"]["AccessScope"];
            };
            header?: never;
            path: {
                /**
                 * @description A training run id, which is also the model id, e.g. `sess-1:train:0`. Inserted unencoded.
                 * @example sess-1:train:0
                 */
                training_run_id: components["parameters"]["TrainingRunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingRun"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    listCheckpoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A training run id, which is also the model id, e.g. `sess-1:train:0`. Inserted unencoded.
                 * @example sess-1:train:0
                 */
                training_run_id: components["parameters"]["TrainingRunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run's checkpoints; `cursor` may be absent or null. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "checkpoints": [
                     *         {
                     *           "checkpoint_id": "weights/step-100",
                     *           "checkpoint_type": "training",
                     *           "time": "2026-11-20T10:00:00Z",
                     *           "tinker_path": "tinker://run-1/weights/step-100",
                     *           "size_bytes": 123456789,
                     *           "public": false,
                     *           "expires_at": null
                     *         }
                     *       ],
                     *       "cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["CheckpointsListResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    deleteCheckpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description A training run id, which is also the model id, e.g. `sess-1:train:0`. Inserted unencoded.
                 * @example sess-1:train:0
                 */
                training_run_id: components["parameters"]["TrainingRunId"];
                /** @description `<kind>/<name>`, e.g. `weights/step-100`. Inserted unencoded: the `/` separates two path segments on the wire. */
                checkpoint_id: components["parameters"]["CheckpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getCheckpointArchiveUrl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A training run id, which is also the model id, e.g. `sess-1:train:0`. Inserted unencoded.
                 * @example sess-1:train:0
                 */
                training_run_id: components["parameters"]["TrainingRunId"];
                /** @description `<kind>/<name>`, e.g. `weights/step-100`. Inserted unencoded: the `/` separates two path segments on the wire. */
                checkpoint_id: components["parameters"]["CheckpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The URL as JSON. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://storage.example.invalid/run-1/step-100.tar?sig=abc",
                     *       "expires": "2026-11-20T10:15:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["CheckpointArchiveUrlResponse"];
                };
            };
            /** @description Redirect to the signed URL. */
            302: {
                headers: {
                    /** @description The signed download URL. */
                    Location: string;
                    /** @description When the URL stops working (HTTP date, UTC). */
                    Expires?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The archive is not ready yet; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    publishCheckpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description A training run id, which is also the model id, e.g. `sess-1:train:0`. Inserted unencoded.
                 * @example sess-1:train:0
                 */
                training_run_id: components["parameters"]["TrainingRunId"];
                /** @description `<kind>/<name>`, e.g. `weights/step-100`. Inserted unencoded: the `/` separates two path segments on the wire. */
                checkpoint_id: components["parameters"]["CheckpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    unpublishCheckpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description A training run id, which is also the model id, e.g. `sess-1:train:0`. Inserted unencoded.
                 * @example sess-1:train:0
                 */
                training_run_id: components["parameters"]["TrainingRunId"];
                /** @description `<kind>/<name>`, e.g. `weights/step-100`. Inserted unencoded: the `/` separates two path segments on the wire. */
                checkpoint_id: components["parameters"]["CheckpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Empty"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    setCheckpointTtl: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description A training run id, which is also the model id, e.g. `sess-1:train:0`. Inserted unencoded.
                 * @example sess-1:train:0
                 */
                training_run_id: components["parameters"]["TrainingRunId"];
                /** @description `<kind>/<name>`, e.g. `weights/step-100`. Inserted unencoded: the `/` separates two path segments on the wire. */
                checkpoint_id: components["parameters"]["CheckpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetCheckpointTtlRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getExternalWeightsUrls: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A training run id, which is also the model id, e.g. `sess-1:train:0`. Inserted unencoded.
                 * @example sess-1:train:0
                 */
                training_run_id: components["parameters"]["TrainingRunId"];
                /** @description `<kind>/<name>`, e.g. `weights/step-100`. Inserted unencoded: the `/` separates two path segments on the wire. */
                checkpoint_id: components["parameters"]["CheckpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The URLs, keyed by file name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "urls": {
                     *         "adapter_config.json": "https://storage.example.invalid/a?sig=1",
                     *         "adapter_model.safetensors": "https://storage.example.invalid/b?sig=2"
                     *       },
                     *       "expires": "2026-11-20T11:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ExternalWeightsUrlsResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    listUserCheckpoints: {
        parameters: {
            query?: {
                limit?: number;
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of checkpoints. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "checkpoints": [
                     *         {
                     *           "checkpoint_id": "sampler_weights/final",
                     *           "checkpoint_type": "sampler",
                     *           "time": "2026-11-20T10:00:00Z",
                     *           "tinker_path": "tinker://run-1/sampler_weights/final",
                     *           "size_bytes": 4567890,
                     *           "public": false,
                     *           "user_metadata": {
                     *             "stage": "eval"
                     *           },
                     *           "expires_at": "2026-12-20T10:00:00Z"
                     *         }
                     *       ],
                     *       "cursor": {
                     *         "offset": 0,
                     *         "limit": 100,
                     *         "total_count": 1
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CheckpointsListResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    listSessions: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit20"];
                offset?: components["parameters"]["Offset"];
                /** @description `owned`: only the caller's; `accessible`: also what others shared with the caller. */
                access_scope?: components["parameters"]["AccessScope"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of session ids. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListSessionsResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    searchSessions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "user_metadata": {},
                 *       "owner": {
                 *         "type": "own"
                 *       },
                 *       "limit": 50
                 *     }
                 */
                "application/json": components["schemas"]["SessionSearchRequest"];
            };
        };
        responses: {
            /** @description Matching sessions and the cursor of the next page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionSearchResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getSession: {
        parameters: {
            query?: {
                /** @description `owned`: only the caller's; `accessible`: also what others shared with the caller. */
                access_scope?: components["parameters"]["AccessScope"];
            };
            header?: never;
            path: {
                /** @example sess-1 */
                session_id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetSessionResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    assignSessionProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent on every non-GET request. One value per logical call, reused by that call's HTTP-level retries, so the server can recognise a retried submission. */
                "X-Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @example sess-1 */
                session_id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "project_id": "proj-1"
                 *     }
                 */
                "application/json": components["schemas"]["AssignSessionProjectRequest"];
            };
        };
        responses: {
            200: components["responses"]["Empty"];
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    exportSessionTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example sess-1 */
                session_id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Export status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionTraceExportResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getAuditLog: {
        parameters: {
            query?: {
                event_type?: "all" | "checkpoints";
                /** @description One UTC day, `YYYY-MM-DD`. Sent only when set. */
                day?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getBillingUsage: {
        parameters: {
            query: {
                /** @description RFC 3339 timestamp, inclusive. */
                starting_on: string;
                /** @description RFC 3339 timestamp, exclusive. */
                ending_before: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Usage events and the sessions they belong to. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingUsageResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getCurrentCheckpointStorageUsage: {
        parameters: {
            query?: {
                /** @description Only this project. Sent only when set. */
                project_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Storage usage. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentCheckpointStorageUsageResponse"];
                };
            };
            "4XX": components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
}
