// Generated from spec/openapi.yaml (sha256 639ebbf0db9fae9d) by packages/types/scripts/generate.mjs. Do not edit: change the spec and run `pnpm generate`.
/** The spec's component schemas (JSON Schema 2020-12); `$ref`s point at "#/components/schemas/<Name>". */
export const componentSchemas = {
  "ErrorResponse": {
    "type": "object",
    "description": "Body of an HTTP error. All fields are optional; a 408 from retrieve_future may carry the queue state like a `TryAgainResponse`.",
    "properties": {
      "detail": {
        "description": "Human-readable explanation (a string, or structured validation details)."
      },
      "error": {
        "type": "string"
      },
      "message": {
        "type": "string"
      },
      "queue_state": {
        "$ref": "#/components/schemas/QueueState"
      },
      "queue_state_reason": {
        "type": "string"
      }
    }
  },
  "TinkerPath": {
    "type": "string",
    "description": "`tinker://<training_run_id>/<kind>/<name>`, the address of one checkpoint.",
    "pattern": "^tinker://[^/]+/(weights|sampler_weights|external_weights)/[^/]+$",
    "examples": [
      "tinker://sess-1:train:0/weights/step-100"
    ]
  },
  "CheckpointName": {
    "type": "string",
    "description": "A checkpoint name as given to a save call; it becomes the last segment of the path.",
    "pattern": "^[^/]+$",
    "minLength": 1
  },
  "TtlSeconds": {
    "type": "integer",
    "description": "Seconds until the checkpoint expires, from one hour (3600) up to ten years.",
    "minimum": 3600
  },
  "UserMetadata": {
    "type": "object",
    "description": "Free-form string labels attached by the user.",
    "additionalProperties": {
      "type": "string"
    }
  },
  "AnyMetadata": {
    "type": "object",
    "description": "Free-form metadata attached by the user (values of any JSON type).",
    "additionalProperties": true
  },
  "ClientConfigRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "sdk_version": {
        "type": "string",
        "description": "The client version the server resolves flags for. tinker-ts sends `0.38.0`."
      }
    },
    "required": [
      "sdk_version"
    ]
  },
  "ClientConfigResponse": {
    "type": "object",
    "description": "Server feature flags. Absent fields take the defaults shown; unknown fields are ignored.",
    "properties": {
      "pjwt_auth_enabled": {
        "type": "boolean",
        "default": false,
        "description": "Exchange the credential for a JWT via /auth/token."
      },
      "credential_default_source": {
        "type": "string",
        "default": "api_key",
        "description": "Which credential to exchange: `api_key` or `credential_cmd`."
      },
      "sample_dispatch_bytes_semaphore_size": {
        "type": "integer",
        "default": 10485760
      },
      "inflight_response_bytes_semaphore_size": {
        "type": "integer",
        "default": 52428800
      },
      "parallel_fwdbwd_chunks": {
        "type": "boolean",
        "default": true
      },
      "proto_compress_fwdbwd": {
        "type": "boolean",
        "default": false,
        "description": "zstd-compress forward_backward bodies."
      },
      "fwdbwd_max_chunk_len": {
        "type": "integer",
        "default": 1024,
        "description": "Most datums in one forward_backward request."
      },
      "fwdbwd_max_chunk_bytes_count": {
        "type": "integer",
        "default": 5000000,
        "description": "Largest estimated size of one forward_backward request."
      },
      "fwdbwd_dispatch_bytes_semaphore_size": {
        "type": "integer",
        "default": 50000000
      },
      "billing_exception_max_pause_duration_sec": {
        "type": "integer",
        "default": 3600,
        "description": "How long to keep retrying through HTTP 402."
      },
      "sample_no_retries": {
        "type": "boolean",
        "default": false
      },
      "sample_enable_stuck_detection": {
        "type": "boolean",
        "default": true
      },
      "sample_max_concurrent_requests": {
        "type": "integer",
        "default": 2000
      },
      "use_pyqwest_transport": {
        "type": "boolean",
        "default": true,
        "description": "Python transport choice; no wire effect."
      },
      "sample_use_retrieve_futures": {
        "type": "boolean",
        "default": false,
        "description": "Poll sampling results with /retrieve_futures."
      },
      "custom_loss_server_side": {
        "type": "boolean",
        "default": false,
        "description": "Register custom losses with /create_custom_loss."
      },
      "sample_join_sampling_session": {
        "type": "boolean",
        "default": false,
        "description": "Join sampling sessions with /join_sampling_session."
      }
    }
  },
  "ClientDynamicConfigResponse": {
    "type": "object",
    "properties": {
      "refresh_interval_sec": {
        "type": "integer",
        "default": 300
      },
      "sample_cancel_enabled": {
        "type": "boolean",
        "default": false,
        "description": "Send /cancel_future for abandoned samples."
      },
      "sample_cancel_max_batch_size": {
        "type": "integer",
        "default": 64
      }
    }
  },
  "AuthTokenRequest": {
    "type": "object",
    "additionalProperties": false,
    "description": "Always the empty object.",
    "properties": {}
  },
  "AuthTokenResponse": {
    "type": "object",
    "properties": {
      "jwt": {
        "type": "string"
      }
    },
    "required": [
      "jwt"
    ]
  },
  "SelfApiKeyResponse": {
    "type": "object",
    "properties": {
      "key_id": {
        "type": "integer"
      },
      "name": {
        "type": "string"
      },
      "note": {
        "type": "string"
      },
      "details": {
        "$ref": "#/components/schemas/ApiKeyDetails"
      }
    },
    "required": [
      "key_id",
      "name",
      "note",
      "details"
    ]
  },
  "ApiKeyDetails": {
    "type": "object",
    "description": "The organisation and user an API key belongs to.",
    "properties": {
      "org_details": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string"
          }
        },
        "required": [
          "name"
        ]
      },
      "user_details": {
        "type": "object",
        "properties": {
          "email": {
            "type": "string"
          }
        },
        "required": [
          "email"
        ]
      }
    },
    "required": [
      "org_details",
      "user_details"
    ]
  },
  "HealthResponse": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "const": "ok"
      }
    },
    "required": [
      "status"
    ]
  },
  "CreateSessionRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "tags": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "Labels; the reference client takes them from `TINKER_TAGS` (order not preserved)."
      },
      "user_metadata": {
        "$ref": "#/components/schemas/AnyMetadata"
      },
      "sdk_version": {
        "type": "string"
      },
      "project_id": {
        "type": "string"
      },
      "display_name": {
        "type": "string"
      },
      "type": {
        "type": "string",
        "const": "create_session",
        "default": "create_session"
      }
    },
    "required": [
      "tags",
      "user_metadata",
      "sdk_version",
      "type"
    ]
  },
  "CreateSessionResponse": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "create_session"
      },
      "info_message": {
        "type": [
          "string",
          "null"
        ]
      },
      "warning_message": {
        "type": [
          "string",
          "null"
        ]
      },
      "error_message": {
        "type": [
          "string",
          "null"
        ]
      },
      "session_id": {
        "type": "string"
      }
    },
    "required": [
      "session_id"
    ]
  },
  "SessionHeartbeatRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "session_id": {
        "type": "string"
      },
      "type": {
        "type": "string",
        "const": "session_heartbeat",
        "default": "session_heartbeat"
      }
    },
    "required": [
      "session_id",
      "type"
    ]
  },
  "SessionHeartbeatResponse": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "session_heartbeat"
      }
    }
  },
  "FinishSessionRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "reason": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "type": {
            "$ref": "#/components/schemas/ClientSessionFinishReasonType"
          }
        },
        "required": [
          "type"
        ]
      },
      "detail": {
        "type": [
          "string",
          "null"
        ],
        "description": "Optional explanation; sent as `null` when there is none."
      }
    },
    "required": [
      "reason",
      "detail"
    ]
  },
  "ClientSessionFinishReasonType": {
    "type": "string",
    "enum": [
      "success",
      "errored",
      "interrupted"
    ]
  },
  "SupportedModel": {
    "type": "object",
    "properties": {
      "model_name": {
        "type": [
          "string",
          "null"
        ]
      },
      "max_context_length": {
        "type": [
          "integer",
          "null"
        ]
      },
      "trainable": {
        "type": [
          "boolean",
          "null"
        ]
      },
      "sampleable": {
        "type": [
          "boolean",
          "null"
        ]
      }
    }
  },
  "GetServerCapabilitiesResponse": {
    "type": "object",
    "properties": {
      "supported_models": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SupportedModel"
        }
      }
    },
    "required": [
      "supported_models"
    ]
  },
  "UntypedAPIFuture": {
    "type": "object",
    "description": "Handle of an accepted asynchronous request.",
    "properties": {
      "request_id": {
        "type": "string"
      },
      "model_id": {
        "type": [
          "string",
          "null"
        ]
      },
      "sample_sequence_ids": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "string"
        },
        "description": "For asample, one id per requested sample; they become `SampledSequence.sequence_id`."
      }
    },
    "required": [
      "request_id"
    ]
  },
  "FutureRetrieveRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "request_id": {
        "type": "string"
      },
      "allow_metadata_only": {
        "type": "boolean",
        "default": false,
        "description": "Accept a `CompleteMetadataResponse` instead of a large result, so the client can reserve memory first. The reference client sends `true` until it has received metadata once."
      }
    },
    "required": [
      "request_id",
      "allow_metadata_only"
    ]
  },
  "QueueState": {
    "type": "string",
    "enum": [
      "active",
      "paused_capacity",
      "paused_rate_limit"
    ]
  },
  "TryAgainResponse": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "try_again"
      },
      "request_id": {
        "type": "string"
      },
      "queue_state": {
        "$ref": "#/components/schemas/QueueState"
      },
      "queue_state_reason": {
        "type": "string",
        "description": "Why the queue is paused, for display."
      }
    },
    "required": [
      "type",
      "request_id",
      "queue_state"
    ]
  },
  "CompleteMetadataResponse": {
    "type": "object",
    "description": "The result is ready but large; only its size is returned.",
    "properties": {
      "status": {
        "type": "string",
        "const": "complete_metadata"
      },
      "response_payload_size": {
        "type": "integer",
        "minimum": 0,
        "description": "Size in bytes of the full result."
      }
    },
    "required": [
      "status",
      "response_payload_size"
    ]
  },
  "RequestErrorCategory": {
    "type": "string",
    "enum": [
      "unknown",
      "server",
      "user"
    ],
    "description": "`user`: the request was wrong; `server`: the service failed; `unknown`: unclassified."
  },
  "RequestFailedResponse": {
    "type": "object",
    "properties": {
      "error": {
        "type": "string"
      },
      "category": {
        "$ref": "#/components/schemas/RequestErrorCategory"
      }
    },
    "required": [
      "error",
      "category"
    ]
  },
  "FutureRetrieveResponse": {
    "description": "Any answer of retrieve_future. Classify in this order: `type == \"try_again\"`, then `status == \"complete_metadata\"`, then presence of `error`, then the expected result type.",
    "anyOf": [
      {
        "$ref": "#/components/schemas/TryAgainResponse"
      },
      {
        "$ref": "#/components/schemas/CompleteMetadataResponse"
      },
      {
        "$ref": "#/components/schemas/RequestFailedResponse"
      },
      {
        "$ref": "#/components/schemas/ForwardBackwardOutput"
      },
      {
        "$ref": "#/components/schemas/OptimStepResponse"
      },
      {
        "$ref": "#/components/schemas/SaveWeightsResponse"
      },
      {
        "$ref": "#/components/schemas/LoadWeightsResponse"
      },
      {
        "$ref": "#/components/schemas/SaveWeightsForSamplerResponseInternal"
      },
      {
        "$ref": "#/components/schemas/SaveWeightsExternalResponseInternal"
      },
      {
        "$ref": "#/components/schemas/CreateModelResponse"
      },
      {
        "$ref": "#/components/schemas/UnloadModelResponse"
      },
      {
        "$ref": "#/components/schemas/CreateCustomLossResponse"
      },
      {
        "$ref": "#/components/schemas/SampleResponse"
      }
    ]
  },
  "SamplingSessionFuturesTarget": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "sampling_session",
        "default": "sampling_session"
      },
      "sampling_session_id": {
        "type": "string"
      },
      "cloned_sampler_id": {
        "type": "integer",
        "default": 0,
        "description": "`seq_id // 1_000_000_000` of the polled requests."
      }
    },
    "required": [
      "type",
      "sampling_session_id",
      "cloned_sampler_id"
    ]
  },
  "FuturesRetrieveRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "target": {
        "$ref": "#/components/schemas/SamplingSessionFuturesTarget"
      },
      "prev_cursor": {
        "type": "integer",
        "default": 0
      },
      "timeout": {
        "type": "number",
        "description": "Seconds the server may hold the call."
      },
      "retrieved_request_ids": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "default": []
      }
    },
    "required": [
      "target",
      "prev_cursor",
      "retrieved_request_ids"
    ]
  },
  "FutureFinished": {
    "type": "object",
    "properties": {
      "state": {
        "type": "string",
        "const": "finished"
      },
      "request_id": {
        "type": "string"
      },
      "response_payload_uncompressed_size": {
        "type": [
          "integer",
          "null"
        ]
      }
    },
    "required": [
      "state",
      "request_id"
    ]
  },
  "FutureFailed": {
    "type": "object",
    "properties": {
      "state": {
        "type": "string",
        "const": "failed"
      },
      "request_id": {
        "type": "string"
      }
    },
    "required": [
      "state",
      "request_id"
    ]
  },
  "FutureCompletion": {
    "type": "object",
    "oneOf": [
      {
        "$ref": "#/components/schemas/FutureFinished"
      },
      {
        "$ref": "#/components/schemas/FutureFailed"
      }
    ]
  },
  "FuturesRetrieveResponse": {
    "type": "object",
    "properties": {
      "completions": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/FutureCompletion"
        }
      },
      "cursor": {
        "type": "integer"
      }
    },
    "required": [
      "completions",
      "cursor"
    ]
  },
  "CancelFutureRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "request_id": {
        "type": "string"
      }
    },
    "required": [
      "request_id"
    ]
  },
  "LoraConfig": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "rank": {
        "type": "integer",
        "minimum": 1
      },
      "seed": {
        "type": "integer",
        "description": "Initialisation seed; omitted when not chosen."
      },
      "train_unembed": {
        "type": "boolean",
        "default": true
      },
      "train_mlp": {
        "type": "boolean",
        "default": true
      },
      "train_attn": {
        "type": "boolean",
        "default": true
      }
    },
    "required": [
      "rank",
      "train_unembed",
      "train_mlp",
      "train_attn"
    ]
  },
  "AdamOptimizerConfig": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "adamw",
        "default": "adamw"
      }
    },
    "required": [
      "type"
    ]
  },
  "DimuonOptimizerConfig": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "dimuon"
      },
      "version": {
        "type": "integer",
        "const": 1,
        "default": 1
      }
    },
    "required": [
      "type",
      "version"
    ]
  },
  "OptimizerConfig": {
    "description": "The optimizer family of a model, fixed at creation. Adam (`adamw`) unless stated; other families are named by `type` and may carry more fields.",
    "anyOf": [
      {
        "$ref": "#/components/schemas/AdamOptimizerConfig"
      },
      {
        "$ref": "#/components/schemas/DimuonOptimizerConfig"
      },
      {
        "type": "object",
        "properties": {
          "type": {
            "type": "string"
          }
        },
        "required": [
          "type"
        ]
      }
    ]
  },
  "CreateModelRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "session_id": {
        "type": "string"
      },
      "model_seq_id": {
        "type": "integer",
        "minimum": 0,
        "description": "Per-session counter of training models, from 0."
      },
      "base_model": {
        "type": "string"
      },
      "user_metadata": {
        "$ref": "#/components/schemas/AnyMetadata"
      },
      "lora_config": {
        "$ref": "#/components/schemas/LoraConfig"
      },
      "optimizer_config": {
        "$ref": "#/components/schemas/OptimizerConfig",
        "default": {
          "type": "adamw"
        },
        "x-tinker-always-sent": true
      },
      "type": {
        "type": "string",
        "const": "create_model",
        "default": "create_model"
      }
    },
    "required": [
      "session_id",
      "model_seq_id",
      "base_model",
      "type"
    ]
  },
  "CreateModelResponse": {
    "type": "object",
    "properties": {
      "model_id": {
        "type": "string"
      },
      "type": {
        "type": "string",
        "const": "create_model"
      }
    },
    "required": [
      "model_id"
    ]
  },
  "GetInfoRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "model_id": {
        "type": "string"
      },
      "type": {
        "type": "string",
        "const": "get_info",
        "default": "get_info"
      }
    },
    "required": [
      "model_id",
      "type"
    ]
  },
  "ModelData": {
    "type": "object",
    "properties": {
      "arch": {
        "type": [
          "string",
          "null"
        ]
      },
      "model_name": {
        "type": [
          "string",
          "null"
        ]
      },
      "tokenizer_id": {
        "type": [
          "string",
          "null"
        ],
        "description": "Hugging Face tokenizer id; the reference client keeps only the part before the first `:`."
      }
    }
  },
  "GetInfoResponse": {
    "type": "object",
    "properties": {
      "type": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "get_info",
          null
        ]
      },
      "model_data": {
        "$ref": "#/components/schemas/ModelData"
      },
      "model_id": {
        "type": "string"
      },
      "optimizer_config": {
        "$ref": "#/components/schemas/OptimizerConfig",
        "default": {
          "type": "adamw"
        }
      },
      "is_lora": {
        "type": [
          "boolean",
          "null"
        ]
      },
      "lora_rank": {
        "type": [
          "integer",
          "null"
        ]
      },
      "model_name": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "model_data",
      "model_id"
    ]
  },
  "UnloadModelRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "model_id": {
        "type": "string"
      },
      "type": {
        "type": "string",
        "const": "unload_model",
        "default": "unload_model"
      }
    },
    "required": [
      "model_id",
      "type"
    ]
  },
  "UnloadModelResponse": {
    "type": "object",
    "properties": {
      "model_id": {
        "type": "string"
      },
      "type": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "unload_model",
          null
        ]
      }
    },
    "required": [
      "model_id"
    ]
  },
  "AdamParams": {
    "type": "object",
    "additionalProperties": false,
    "description": "Hyperparameters of one Adam step. Every member is always sent.",
    "properties": {
      "learning_rate": {
        "type": "number",
        "default": 0.0001
      },
      "beta1": {
        "type": "number",
        "default": 0.9
      },
      "beta2": {
        "type": "number",
        "default": 0.95
      },
      "eps": {
        "type": "number",
        "default": 1e-12
      },
      "weight_decay": {
        "type": "number",
        "default": 0,
        "description": "Decoupled weight decay."
      },
      "grad_clip_norm": {
        "type": "number",
        "default": 0,
        "description": "Clip the global gradient norm to this; 0 disables clipping."
      }
    },
    "required": [
      "learning_rate",
      "beta1",
      "beta2",
      "eps",
      "weight_decay",
      "grad_clip_norm"
    ]
  },
  "DimuonParams": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "dimuon"
      },
      "learning_rate": {
        "type": "number",
        "minimum": 0
      },
      "grad_clip_norm": {
        "type": "number",
        "default": 0
      },
      "beta1": {
        "type": "number",
        "minimum": 0,
        "exclusiveMaximum": 1,
        "default": 0.9
      }
    },
    "required": [
      "type",
      "learning_rate",
      "grad_clip_norm",
      "beta1"
    ]
  },
  "OptimizerParams": {
    "description": "Step hyperparameters of a non-Adam optimizer family, named by `type`.",
    "anyOf": [
      {
        "$ref": "#/components/schemas/DimuonParams"
      },
      {
        "type": "object",
        "properties": {
          "type": {
            "type": "string",
            "not": {
              "const": "adamw"
            }
          }
        },
        "required": [
          "type"
        ]
      }
    ]
  },
  "OptimStepRequest": {
    "type": "object",
    "additionalProperties": false,
    "description": "Exactly one of `adam_params` (Adam models) and `optimizer_params` (other optimizer families). The reference client writes the parameters last: `{\"model_id\", \"seq_id\", \"type\", \"adam_params\"}`.",
    "properties": {
      "model_id": {
        "type": "string"
      },
      "seq_id": {
        "type": "integer",
        "minimum": 0
      },
      "type": {
        "type": "string",
        "const": "optim_step",
        "default": "optim_step"
      },
      "adam_params": {
        "$ref": "#/components/schemas/AdamParams"
      },
      "optimizer_params": {
        "$ref": "#/components/schemas/OptimizerParams"
      }
    },
    "required": [
      "model_id",
      "type"
    ],
    "oneOf": [
      {
        "title": "AdamStep",
        "properties": {
          "adam_params": {
            "$ref": "#/components/schemas/AdamParams"
          },
          "optimizer_params": false
        },
        "required": [
          "adam_params"
        ]
      },
      {
        "title": "OtherOptimizerStep",
        "properties": {
          "adam_params": false,
          "optimizer_params": {
            "$ref": "#/components/schemas/OptimizerParams"
          }
        },
        "required": [
          "optimizer_params"
        ]
      }
    ]
  },
  "OptimStepResponse": {
    "type": "object",
    "properties": {
      "metrics": {
        "type": [
          "object",
          "null"
        ],
        "additionalProperties": {
          "type": "number"
        }
      }
    }
  },
  "LossFnType": {
    "type": "string",
    "enum": [
      "cross_entropy",
      "importance_sampling",
      "ppo",
      "cispo",
      "dro",
      "gspo",
      "stable_reinforce",
      "custom"
    ]
  },
  "TensorDtype": {
    "type": "string",
    "enum": [
      "int64",
      "float32"
    ]
  },
  "TensorData": {
    "type": "object",
    "additionalProperties": false,
    "description": "A tensor as a flat list. Dense: `data` holds every element in row-major order. Sparse (CSR, two-dimensional): `data` holds only the stored values, `sparse_crow_indices` the row pointers (rows + 1) and `sparse_col_indices` the column of each value; `shape` is required.",
    "properties": {
      "data": {
        "type": "array",
        "items": {
          "type": "number"
        }
      },
      "dtype": {
        "$ref": "#/components/schemas/TensorDtype"
      },
      "shape": {
        "type": "array",
        "items": {
          "type": "integer",
          "minimum": 0
        }
      },
      "sparse_crow_indices": {
        "type": "array",
        "items": {
          "type": "integer",
          "minimum": 0
        }
      },
      "sparse_col_indices": {
        "type": "array",
        "items": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "required": [
      "data",
      "dtype"
    ],
    "dependentRequired": {
      "sparse_crow_indices": [
        "sparse_col_indices",
        "shape"
      ],
      "sparse_col_indices": [
        "sparse_crow_indices"
      ]
    }
  },
  "EncodedTextChunk": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "tokens": {
        "type": "array",
        "items": {
          "type": "integer"
        }
      },
      "type": {
        "type": "string",
        "const": "encoded_text",
        "default": "encoded_text"
      }
    },
    "required": [
      "tokens",
      "type"
    ]
  },
  "ImageFormat": {
    "type": "string",
    "enum": [
      "png",
      "jpeg"
    ]
  },
  "ImageChunk": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "data": {
        "type": "string",
        "contentEncoding": "base64",
        "description": "The image file, base64-encoded."
      },
      "format": {
        "$ref": "#/components/schemas/ImageFormat"
      },
      "expected_tokens": {
        "type": "integer",
        "minimum": 0,
        "description": "How many tokens the image occupies."
      },
      "type": {
        "type": "string",
        "const": "image",
        "default": "image"
      }
    },
    "required": [
      "data",
      "format",
      "type"
    ]
  },
  "ImageAssetPointerChunk": {
    "type": "object",
    "additionalProperties": false,
    "description": "An image stored elsewhere. Usable in sampling requests; cannot be sent in protobuf training bodies.",
    "properties": {
      "format": {
        "$ref": "#/components/schemas/ImageFormat"
      },
      "location": {
        "type": "string"
      },
      "expected_tokens": {
        "type": "integer",
        "minimum": 0
      },
      "type": {
        "type": "string",
        "const": "image_asset_pointer",
        "default": "image_asset_pointer"
      }
    },
    "required": [
      "format",
      "location",
      "type"
    ]
  },
  "DmelChunk": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "dmel": {
        "type": "string",
        "contentEncoding": "base64",
        "description": "A serialised tensor container, base64-encoded."
      },
      "type": {
        "type": "string",
        "const": "dmel",
        "default": "dmel"
      }
    },
    "required": [
      "dmel",
      "type"
    ]
  },
  "ModelInputChunk": {
    "type": "object",
    "oneOf": [
      {
        "$ref": "#/components/schemas/EncodedTextChunk"
      },
      {
        "$ref": "#/components/schemas/ImageAssetPointerChunk"
      },
      {
        "$ref": "#/components/schemas/ImageChunk"
      },
      {
        "$ref": "#/components/schemas/DmelChunk"
      }
    ]
  },
  "ModelInput": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "chunks": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ModelInputChunk"
        }
      }
    },
    "required": [
      "chunks"
    ]
  },
  "Datum": {
    "type": "object",
    "additionalProperties": false,
    "description": "One training example (JSON form; current clients send it inside the protobuf body).",
    "properties": {
      "loss_fn_inputs": {
        "type": "object",
        "additionalProperties": {
          "$ref": "#/components/schemas/TensorData"
        }
      },
      "model_input": {
        "$ref": "#/components/schemas/ModelInput"
      }
    },
    "required": [
      "loss_fn_inputs",
      "model_input"
    ]
  },
  "ForwardBackwardInput": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "data": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Datum"
        }
      },
      "loss_fn": {
        "$ref": "#/components/schemas/LossFnType"
      },
      "loss_fn_config": {
        "type": "object",
        "additionalProperties": {
          "type": [
            "number",
            "string"
          ]
        }
      }
    },
    "required": [
      "data",
      "loss_fn"
    ]
  },
  "ForwardBackwardRequest": {
    "type": "object",
    "additionalProperties": false,
    "description": "Legacy JSON body of /forward_backward; current clients send the protobuf message of the same name.",
    "properties": {
      "forward_backward_input": {
        "$ref": "#/components/schemas/ForwardBackwardInput"
      },
      "model_id": {
        "type": "string"
      },
      "seq_id": {
        "type": "integer",
        "minimum": 0
      }
    },
    "required": [
      "forward_backward_input",
      "model_id"
    ]
  },
  "ForwardRequest": {
    "type": "object",
    "additionalProperties": false,
    "description": "Legacy JSON body of the removed /forward endpoint; current clients send /forward_backward with forward_only.",
    "properties": {
      "forward_input": {
        "$ref": "#/components/schemas/ForwardBackwardInput"
      },
      "model_id": {
        "type": "string"
      },
      "seq_id": {
        "type": "integer",
        "minimum": 0
      }
    },
    "required": [
      "forward_input",
      "model_id"
    ]
  },
  "ForwardBackwardOutput": {
    "type": "object",
    "description": "JSON form of a forward/forward_backward result (current servers answer protobuf).",
    "properties": {
      "loss_fn_output_type": {
        "type": "string"
      },
      "loss_fn_outputs": {
        "type": "array",
        "items": {
          "type": "object",
          "additionalProperties": {
            "$ref": "#/components/schemas/TensorData"
          }
        }
      },
      "metrics": {
        "type": "object",
        "additionalProperties": {
          "type": "number"
        },
        "description": "Keys are `<name>:<reduction>`, e.g. `loss:sum`."
      }
    },
    "required": [
      "loss_fn_output_type",
      "loss_fn_outputs",
      "metrics"
    ]
  },
  "CustomLossInput": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "name": {
        "type": "string"
      },
      "rank": {
        "type": "integer",
        "enum": [
          0,
          1,
          2
        ]
      }
    },
    "required": [
      "name",
      "rank"
    ]
  },
  "CustomLossNode": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "op": {
        "type": "string",
        "enum": [
          "placeholder",
          "get_attr",
          "call_function",
          "call_method",
          "call_module",
          "output"
        ]
      },
      "name": {
        "type": "string"
      },
      "target": {
        "type": "string"
      },
      "args": {
        "type": "array",
        "default": []
      },
      "kwargs": {
        "type": "object",
        "additionalProperties": true,
        "default": {}
      }
    },
    "required": [
      "op",
      "name",
      "target",
      "args",
      "kwargs"
    ]
  },
  "CustomLossGraph": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "format": {
        "type": "integer",
        "const": 1,
        "default": 1
      },
      "nodes": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CustomLossNode"
        }
      }
    },
    "required": [
      "format",
      "nodes"
    ]
  },
  "CreateCustomLossRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "session_id": {
        "type": "string"
      },
      "custom_loss_seq_id": {
        "type": "integer",
        "minimum": 0
      },
      "name": {
        "type": "string"
      },
      "inputs": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CustomLossInput"
        }
      },
      "graph": {
        "$ref": "#/components/schemas/CustomLossGraph"
      },
      "type": {
        "type": "string",
        "const": "create_custom_loss",
        "default": "create_custom_loss"
      }
    },
    "required": [
      "session_id",
      "custom_loss_seq_id",
      "name",
      "inputs",
      "graph",
      "type"
    ]
  },
  "CreateCustomLossResponse": {
    "type": "object",
    "properties": {
      "loss_id": {
        "type": "string"
      },
      "type": {
        "type": "string",
        "const": "create_custom_loss"
      }
    },
    "required": [
      "loss_id"
    ]
  },
  "SaveWeightsRequest": {
    "type": "object",
    "additionalProperties": false,
    "description": "Body of /save_weights (TrainingClient.save_state).",
    "properties": {
      "model_id": {
        "type": "string"
      },
      "path": {
        "$ref": "#/components/schemas/CheckpointName"
      },
      "seq_id": {
        "type": "integer",
        "minimum": 0
      },
      "ttl_seconds": {
        "$ref": "#/components/schemas/TtlSeconds"
      },
      "overwrite": {
        "type": "boolean",
        "default": false,
        "description": "Replace an existing checkpoint of the same name (and its metadata). Always sent."
      },
      "user_metadata": {
        "$ref": "#/components/schemas/UserMetadata"
      },
      "type": {
        "type": "string",
        "const": "save_weights",
        "default": "save_weights"
      }
    },
    "required": [
      "model_id",
      "overwrite",
      "type"
    ]
  },
  "SaveWeightsResponse": {
    "type": "object",
    "properties": {
      "path": {
        "$ref": "#/components/schemas/TinkerPath"
      },
      "type": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "save_weights",
          null
        ]
      }
    },
    "required": [
      "path"
    ]
  },
  "LoadWeightsRequest": {
    "type": "object",
    "additionalProperties": false,
    "description": "Body of /load_weights. Exactly one addressing: `model_id` + `seq_id` (existing model) or `session_id` + `model_seq_id` (create the model by loading).",
    "properties": {
      "model_id": {
        "type": "string",
        "description": "Existing model to load into (with `seq_id`)."
      },
      "seq_id": {
        "type": "integer",
        "minimum": 0
      },
      "session_id": {
        "type": "string",
        "description": "Session in which the load creates a new model (with `model_seq_id`)."
      },
      "model_seq_id": {
        "type": "integer",
        "minimum": 0
      },
      "base_model": {
        "type": "string",
        "description": "Create-via-load only: a compatible base model to use instead of the checkpoint's."
      },
      "user_metadata": {
        "$ref": "#/components/schemas/AnyMetadata"
      },
      "path": {
        "$ref": "#/components/schemas/TinkerPath"
      },
      "optimizer": {
        "type": "boolean",
        "description": "Also restore the optimizer state saved with the weights."
      },
      "optimizer_config": {
        "$ref": "#/components/schemas/OptimizerConfig",
        "description": "Create-via-load only: the optimizer family of the new model (Adam if omitted). It cannot override optimizer state restored with `optimizer: true`."
      },
      "weights_access_token": {
        "type": "string",
        "description": "Credential that may read a checkpoint of another account."
      },
      "type": {
        "type": "string",
        "const": "load_weights",
        "default": "load_weights"
      }
    },
    "required": [
      "path",
      "optimizer",
      "type"
    ],
    "oneOf": [
      {
        "title": "LoadIntoExistingModel",
        "properties": {
          "model_id": {
            "type": "string"
          },
          "seq_id": {
            "type": "integer",
            "minimum": 0
          },
          "session_id": false,
          "model_seq_id": false,
          "base_model": false,
          "optimizer_config": false
        },
        "required": [
          "model_id",
          "seq_id"
        ]
      },
      {
        "title": "CreateModelByLoading",
        "properties": {
          "model_id": false,
          "seq_id": false,
          "session_id": {
            "type": "string"
          },
          "model_seq_id": {
            "type": "integer",
            "minimum": 0
          }
        },
        "required": [
          "session_id",
          "model_seq_id"
        ]
      }
    ]
  },
  "LoadWeightsResponse": {
    "type": "object",
    "properties": {
      "path": {
        "type": [
          "string",
          "null"
        ]
      },
      "model_id": {
        "type": [
          "string",
          "null"
        ]
      },
      "type": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "load_weights",
          null
        ]
      }
    }
  },
  "SamplingClientKind": {
    "type": "string",
    "enum": [
      "snapshot",
      "inflight"
    ],
    "description": "`snapshot`: the sampler serves the weights as saved; `inflight`: it follows training."
  },
  "SaveWeightsForSamplerRequest": {
    "type": "object",
    "additionalProperties": false,
    "description": "Body of /save_weights_for_sampler. Exactly one of `path` and `sampling_session_seq_id`.",
    "properties": {
      "model_id": {
        "type": "string"
      },
      "path": {
        "$ref": "#/components/schemas/CheckpointName"
      },
      "sampling_session_seq_id": {
        "type": "integer",
        "minimum": 0,
        "description": "For an unnamed save, the next value of the per-session sampling counter."
      },
      "kind": {
        "$ref": "#/components/schemas/SamplingClientKind",
        "default": "snapshot",
        "x-tinker-always-sent": true
      },
      "seq_id": {
        "type": "integer",
        "minimum": 0
      },
      "ttl_seconds": {
        "$ref": "#/components/schemas/TtlSeconds"
      },
      "user_metadata": {
        "$ref": "#/components/schemas/UserMetadata"
      },
      "type": {
        "type": "string",
        "const": "save_weights_for_sampler",
        "default": "save_weights_for_sampler"
      }
    },
    "required": [
      "model_id",
      "type"
    ],
    "oneOf": [
      {
        "title": "NamedSamplerSave",
        "properties": {
          "path": {
            "$ref": "#/components/schemas/CheckpointName"
          },
          "sampling_session_seq_id": false
        },
        "required": [
          "path"
        ]
      },
      {
        "title": "UnnamedSamplerSave",
        "properties": {
          "path": false,
          "sampling_session_seq_id": {
            "type": "integer",
            "minimum": 0
          }
        },
        "required": [
          "sampling_session_seq_id"
        ]
      }
    ]
  },
  "SaveWeightsForSamplerResponseInternal": {
    "type": "object",
    "description": "Result of /save_weights_for_sampler. Named saves return `path`; unnamed saves return `sampling_session_id`.",
    "properties": {
      "path": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/TinkerPath"
          },
          {
            "type": "null"
          }
        ]
      },
      "sampling_session_id": {
        "type": [
          "string",
          "null"
        ]
      },
      "type": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "save_weights_for_sampler",
          null
        ]
      }
    }
  },
  "SaveWeightsForSamplerResponse": {
    "type": "object",
    "description": "The public result of a named sampler save.",
    "properties": {
      "path": {
        "$ref": "#/components/schemas/TinkerPath"
      },
      "type": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "save_weights_for_sampler",
          null
        ]
      }
    },
    "required": [
      "path"
    ]
  },
  "SaveWeightsExternalRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "model_id": {
        "type": "string"
      },
      "path": {
        "$ref": "#/components/schemas/CheckpointName"
      },
      "seq_id": {
        "type": "integer",
        "minimum": 0
      },
      "ttl_seconds": {
        "$ref": "#/components/schemas/TtlSeconds"
      },
      "age_encryption_recipients": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "description": "age public keys to encrypt the exported files to."
      },
      "type": {
        "type": "string",
        "const": "save_weights_external",
        "default": "save_weights_external"
      }
    },
    "required": [
      "model_id",
      "path",
      "type"
    ]
  },
  "SaveWeightsExternalResponseInternal": {
    "type": "object",
    "properties": {
      "path": {
        "type": [
          "string",
          "null"
        ]
      },
      "size_bytes": {
        "type": [
          "integer",
          "null"
        ]
      },
      "type": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "save_weights_external",
          null
        ]
      }
    }
  },
  "SaveWeightsExternalResponse": {
    "type": "object",
    "properties": {
      "path": {
        "type": "string"
      },
      "type": {
        "type": [
          "string",
          "null"
        ],
        "enum": [
          "save_weights_external",
          null
        ]
      }
    },
    "required": [
      "path"
    ]
  },
  "CopyWeightsRequest": {
    "type": "object",
    "additionalProperties": false,
    "description": "Body of /copy_weights. The RestClient form names a `destination_project_id`; the ServiceClient form copies into a run slot of the calling session (`session_id` + `model_seq_id`).",
    "properties": {
      "session_id": {
        "type": "string"
      },
      "model_seq_id": {
        "type": "integer",
        "minimum": 0
      },
      "destination_project_id": {
        "type": "string"
      },
      "source_path": {
        "$ref": "#/components/schemas/TinkerPath"
      },
      "ttl_seconds": {
        "$ref": "#/components/schemas/TtlSeconds"
      },
      "weights_access_token": {
        "type": "string"
      }
    },
    "required": [
      "source_path"
    ],
    "dependentRequired": {
      "session_id": [
        "model_seq_id"
      ],
      "model_seq_id": [
        "session_id"
      ]
    }
  },
  "CopyWeightsResponse": {
    "type": "object",
    "properties": {
      "tinker_path": {
        "$ref": "#/components/schemas/TinkerPath"
      }
    },
    "required": [
      "tinker_path"
    ]
  },
  "WeightsInfoRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "tinker_path": {
        "$ref": "#/components/schemas/TinkerPath"
      }
    },
    "required": [
      "tinker_path"
    ]
  },
  "WeightsInfoResponse": {
    "type": "object",
    "properties": {
      "base_model": {
        "type": "string"
      },
      "optimizer_config": {
        "$ref": "#/components/schemas/OptimizerConfig",
        "default": {
          "type": "adamw"
        }
      },
      "is_lora": {
        "type": "boolean"
      },
      "lora_rank": {
        "type": [
          "integer",
          "null"
        ]
      },
      "train_unembed": {
        "type": [
          "boolean",
          "null"
        ]
      },
      "train_mlp": {
        "type": [
          "boolean",
          "null"
        ]
      },
      "train_attn": {
        "type": [
          "boolean",
          "null"
        ]
      }
    },
    "required": [
      "base_model",
      "is_lora"
    ]
  },
  "CheckpointType": {
    "type": "string",
    "enum": [
      "training",
      "sampler",
      "external"
    ],
    "description": "`training` = `weights/...`, `sampler` = `sampler_weights/...`, `external` = `external_weights/...`."
  },
  "Checkpoint": {
    "type": "object",
    "properties": {
      "checkpoint_id": {
        "type": "string",
        "description": "`<kind>/<name>`, e.g. `weights/step-100`."
      },
      "checkpoint_type": {
        "$ref": "#/components/schemas/CheckpointType"
      },
      "time": {
        "type": "string",
        "format": "date-time"
      },
      "tinker_path": {
        "$ref": "#/components/schemas/TinkerPath"
      },
      "size_bytes": {
        "type": [
          "integer",
          "null"
        ]
      },
      "public": {
        "type": "boolean",
        "default": false
      },
      "user_metadata": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/UserMetadata"
          },
          {
            "type": "null"
          }
        ]
      },
      "expires_at": {
        "type": [
          "string",
          "null"
        ],
        "format": "date-time",
        "description": "`null`: never expires."
      }
    },
    "required": [
      "checkpoint_id",
      "checkpoint_type",
      "time",
      "tinker_path"
    ]
  },
  "Cursor": {
    "type": "object",
    "properties": {
      "offset": {
        "type": "integer"
      },
      "limit": {
        "type": "integer"
      },
      "total_count": {
        "type": "integer"
      }
    },
    "required": [
      "offset",
      "limit",
      "total_count"
    ]
  },
  "CheckpointsListResponse": {
    "type": "object",
    "properties": {
      "checkpoints": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Checkpoint"
        }
      },
      "cursor": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Cursor"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "checkpoints"
    ]
  },
  "TrainingRun": {
    "type": "object",
    "properties": {
      "training_run_id": {
        "type": "string"
      },
      "base_model": {
        "type": "string"
      },
      "model_owner": {
        "type": "string"
      },
      "is_lora": {
        "type": "boolean"
      },
      "corrupted": {
        "type": "boolean",
        "default": false
      },
      "lora_rank": {
        "type": [
          "integer",
          "null"
        ]
      },
      "last_request_time": {
        "type": "string",
        "format": "date-time"
      },
      "last_checkpoint": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Checkpoint"
          },
          {
            "type": "null"
          }
        ]
      },
      "last_sampler_checkpoint": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Checkpoint"
          },
          {
            "type": "null"
          }
        ]
      },
      "user_metadata": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/UserMetadata"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "training_run_id",
      "base_model",
      "model_owner",
      "is_lora",
      "last_request_time"
    ]
  },
  "TrainingRunsResponse": {
    "type": "object",
    "properties": {
      "training_runs": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/TrainingRun"
        }
      },
      "cursor": {
        "$ref": "#/components/schemas/Cursor"
      }
    },
    "required": [
      "training_runs",
      "cursor"
    ]
  },
  "CheckpointArchiveUrlResponse": {
    "type": "object",
    "properties": {
      "url": {
        "type": "string",
        "format": "uri"
      },
      "expires": {
        "type": "string",
        "format": "date-time"
      }
    },
    "required": [
      "url",
      "expires"
    ]
  },
  "SetCheckpointTtlRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "ttl_seconds": {
        "description": "Seconds from now until expiry; `null` removes the expiry.",
        "anyOf": [
          {
            "$ref": "#/components/schemas/TtlSeconds"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "ttl_seconds"
    ]
  },
  "ExternalWeightsUrlsResponse": {
    "type": "object",
    "properties": {
      "urls": {
        "type": "object",
        "additionalProperties": {
          "type": "string",
          "format": "uri"
        }
      },
      "expires": {
        "type": "string",
        "format": "date-time"
      }
    },
    "required": [
      "urls",
      "expires"
    ]
  },
  "ListSessionsResponse": {
    "type": "object",
    "properties": {
      "sessions": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    },
    "required": [
      "sessions"
    ]
  },
  "GetSessionResponse": {
    "type": "object",
    "properties": {
      "training_run_ids": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "sampler_ids": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "user_metadata": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/UserMetadata"
          },
          {
            "type": "null"
          }
        ]
      },
      "display_name": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "training_run_ids",
      "sampler_ids"
    ]
  },
  "AssignSessionProjectRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "project_id": {
        "type": "string"
      }
    },
    "required": [
      "project_id"
    ]
  },
  "SessionTraceExportResponse": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "enum": [
          "pending",
          "ready",
          "failed"
        ]
      },
      "url": {
        "type": [
          "string",
          "null"
        ],
        "description": "Signed download URL (valid about an hour) once `ready`."
      },
      "error": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "status"
    ]
  },
  "OwnSearchOwner": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "own",
        "default": "own"
      }
    },
    "required": [
      "type"
    ]
  },
  "AccessibleSearchOwner": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "accessible",
        "default": "accessible"
      }
    },
    "required": [
      "type"
    ]
  },
  "UserSearchOwner": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "user",
        "default": "user"
      },
      "owner_urns": {
        "type": "array",
        "items": {
          "type": "string"
        },
        "minItems": 1,
        "maxItems": 10
      }
    },
    "required": [
      "type",
      "owner_urns"
    ]
  },
  "ActiveSessionStatusQuery": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "active",
        "default": "active"
      }
    },
    "required": [
      "type"
    ]
  },
  "CancelledSessionStatusQuery": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "cancelled",
        "default": "cancelled"
      }
    },
    "required": [
      "type"
    ]
  },
  "FailedSessionStatusQuery": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "failed",
        "default": "failed"
      }
    },
    "required": [
      "type"
    ]
  },
  "ClientFinishedSessionStatusQuery": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "type": {
        "type": "string",
        "const": "client_finished",
        "default": "client_finished"
      },
      "reasons": {
        "type": "array",
        "minItems": 1,
        "items": {
          "$ref": "#/components/schemas/ClientSessionFinishReasonType"
        },
        "description": "Only sessions finished for one of these reasons; all when omitted."
      }
    },
    "required": [
      "type"
    ]
  },
  "SessionStatusQuery": {
    "type": "object",
    "oneOf": [
      {
        "$ref": "#/components/schemas/ActiveSessionStatusQuery"
      },
      {
        "$ref": "#/components/schemas/CancelledSessionStatusQuery"
      },
      {
        "$ref": "#/components/schemas/FailedSessionStatusQuery"
      },
      {
        "$ref": "#/components/schemas/ClientFinishedSessionStatusQuery"
      }
    ]
  },
  "SessionSearchCursor": {
    "type": "object",
    "properties": {
      "last_created_at": {
        "type": "string",
        "format": "date-time"
      },
      "last_session_id": {
        "type": "string"
      }
    },
    "required": [
      "last_created_at",
      "last_session_id"
    ]
  },
  "SessionSearchRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "session_id": {
        "type": "string"
      },
      "project_ids": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "user_metadata": {
        "$ref": "#/components/schemas/UserMetadata",
        "default": {}
      },
      "display_name": {
        "type": "string",
        "minLength": 1
      },
      "owner": {
        "default": {
          "type": "own"
        },
        "oneOf": [
          {
            "$ref": "#/components/schemas/OwnSearchOwner"
          },
          {
            "$ref": "#/components/schemas/AccessibleSearchOwner"
          },
          {
            "$ref": "#/components/schemas/UserSearchOwner"
          }
        ]
      },
      "statuses": {
        "type": "array",
        "minItems": 1,
        "items": {
          "$ref": "#/components/schemas/SessionStatusQuery"
        }
      },
      "limit": {
        "type": "integer",
        "minimum": 1,
        "maximum": 200,
        "default": 50
      },
      "cursor": {
        "$ref": "#/components/schemas/SessionSearchCursor",
        "description": "The `next_cursor` of the previous page, passed back unchanged."
      }
    },
    "required": [
      "user_metadata",
      "owner",
      "limit"
    ]
  },
  "SessionActive": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "active"
      }
    },
    "required": [
      "type"
    ]
  },
  "SessionCancelled": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "cancelled"
      },
      "detail": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "type"
    ]
  },
  "SessionFailed": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "failed"
      },
      "category": {
        "type": "string",
        "enum": [
          "user",
          "internal"
        ]
      },
      "reason": {
        "description": "What failed: a `request` (request_id, request_type), a `training_run` (training_run_id) or a `sampling_session` (sampling_session_id).",
        "type": "object",
        "properties": {
          "type": {
            "type": "string"
          },
          "request_id": {
            "type": "string"
          },
          "request_type": {
            "type": "string"
          },
          "training_run_id": {
            "type": "string"
          },
          "sampling_session_id": {
            "type": "string"
          }
        },
        "required": [
          "type"
        ]
      },
      "message": {
        "type": "string"
      }
    },
    "required": [
      "type",
      "category",
      "reason",
      "message"
    ]
  },
  "ClientSessionFinished": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "client_finished"
      },
      "reason": {
        "type": "object",
        "properties": {
          "type": {
            "$ref": "#/components/schemas/ClientSessionFinishReasonType"
          }
        },
        "required": [
          "type"
        ]
      },
      "detail": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "type",
      "reason"
    ]
  },
  "SessionStatus": {
    "description": "Lifecycle state of a session, told apart by `type`.",
    "anyOf": [
      {
        "$ref": "#/components/schemas/SessionFailed"
      },
      {
        "$ref": "#/components/schemas/SessionCancelled"
      },
      {
        "$ref": "#/components/schemas/ClientSessionFinished"
      },
      {
        "$ref": "#/components/schemas/SessionActive"
      }
    ]
  },
  "SessionSummary": {
    "type": "object",
    "properties": {
      "session_id": {
        "type": "string"
      },
      "created_at": {
        "type": "string",
        "format": "date-time"
      },
      "owner": {
        "type": "string"
      },
      "project_id": {
        "type": "string"
      },
      "status": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/SessionStatus"
          },
          {
            "type": "null"
          }
        ]
      },
      "checkpoints_count": {
        "type": "integer"
      },
      "display_name": {
        "type": [
          "string",
          "null"
        ]
      },
      "user_metadata": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/UserMetadata"
          },
          {
            "type": "null"
          }
        ]
      },
      "checkpoint_storage_bytes": {
        "type": [
          "integer",
          "null"
        ]
      }
    },
    "required": [
      "session_id",
      "created_at",
      "owner",
      "project_id",
      "checkpoints_count"
    ]
  },
  "SessionSearchResponse": {
    "type": "object",
    "properties": {
      "sessions": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SessionSummary"
        }
      },
      "next_cursor": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/SessionSearchCursor"
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "sessions"
    ]
  },
  "WhoamiResponse": {
    "type": "object",
    "description": "Who the credential belongs to. No endpoint returns it: clients read it from the claims of the JWT they hold (`sub` is the user URN).",
    "properties": {
      "user_urn": {
        "type": "string"
      },
      "org_urn": {
        "type": "string"
      },
      "email": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "user_urn",
      "org_urn"
    ]
  },
  "CreateSamplingSessionRequest": {
    "type": "object",
    "additionalProperties": false,
    "description": "At least one of `base_model` and `model_path` (the reference client sends whichever the caller gave, both if both were given).",
    "properties": {
      "session_id": {
        "type": "string"
      },
      "sampling_session_seq_id": {
        "type": "integer",
        "minimum": 0
      },
      "base_model": {
        "type": "string"
      },
      "model_path": {
        "$ref": "#/components/schemas/TinkerPath"
      },
      "type": {
        "type": "string",
        "const": "create_sampling_session",
        "default": "create_sampling_session"
      }
    },
    "required": [
      "session_id",
      "sampling_session_seq_id",
      "type"
    ],
    "oneOf": [
      {
        "title": "WithBaseModel",
        "properties": {
          "base_model": {
            "type": "string"
          },
          "model_path": {
            "$ref": "#/components/schemas/TinkerPath"
          }
        },
        "required": [
          "base_model"
        ]
      },
      {
        "title": "CheckpointOnly",
        "properties": {
          "base_model": false,
          "model_path": {
            "$ref": "#/components/schemas/TinkerPath"
          }
        },
        "required": [
          "model_path"
        ]
      }
    ]
  },
  "CreateSamplingSessionResponse": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "create_sampling_session"
      },
      "sampling_session_id": {
        "type": "string"
      }
    },
    "required": [
      "sampling_session_id"
    ]
  },
  "JoinSamplingSessionRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "sampling_session_id": {
        "type": "string"
      },
      "type": {
        "type": "string",
        "const": "join_sampling_session",
        "default": "join_sampling_session"
      }
    },
    "required": [
      "sampling_session_id",
      "type"
    ]
  },
  "JoinSamplingSessionResponse": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "join_sampling_session"
      },
      "client_counter": {
        "type": "integer",
        "description": "The joining client's number in the session (the creator is 0)."
      }
    },
    "required": [
      "client_counter"
    ]
  },
  "SamplingParams": {
    "type": "object",
    "description": "Decoding settings. Unlike the other request models this one is not closed: the service ignores fields it does not know here, so a misspelt setting is silently dropped. Clients should rely on their own types to catch that.",
    "properties": {
      "max_tokens": {
        "type": "integer",
        "minimum": 0
      },
      "seed": {
        "type": "integer"
      },
      "stop": {
        "description": "Stop strings, or stop token ids.",
        "anyOf": [
          {
            "type": "string"
          },
          {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          {
            "type": "array",
            "items": {
              "type": "integer"
            }
          }
        ]
      },
      "temperature": {
        "type": "number",
        "default": 1
      },
      "top_k": {
        "type": "integer",
        "default": -1,
        "description": "-1 disables top-k."
      },
      "top_p": {
        "type": "number",
        "default": 1
      }
    },
    "required": [
      "temperature",
      "top_k",
      "top_p"
    ]
  },
  "SampleRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "num_samples": {
        "type": "integer",
        "minimum": 1,
        "default": 1
      },
      "prompt": {
        "$ref": "#/components/schemas/ModelInput"
      },
      "sampling_params": {
        "$ref": "#/components/schemas/SamplingParams"
      },
      "base_model": {
        "type": "string"
      },
      "model_path": {
        "$ref": "#/components/schemas/TinkerPath"
      },
      "sampling_session_id": {
        "type": "string"
      },
      "seq_id": {
        "type": "integer",
        "minimum": 0
      },
      "prompt_logprobs": {
        "type": "boolean",
        "x-tinker-always-sent": true,
        "description": "Also score every prompt token."
      },
      "topk_prompt_logprobs": {
        "type": "integer",
        "minimum": 0,
        "default": 0
      },
      "topk_sample_logprobs": {
        "type": "integer",
        "minimum": 0,
        "default": 0,
        "x-tinker-always-sent": true
      },
      "target_prompt_logprobs": {
        "$ref": "#/components/schemas/TensorData",
        "description": "int64 token ids, shape [len(prompt) - 1, K], -1 for none: score these tokens at each prompt position."
      },
      "prompt_alt_tokens_k": {
        "type": "integer",
        "minimum": 0,
        "default": 0,
        "x-tinker-always-sent": true
      },
      "prompt_logprobs_last_n": {
        "type": "integer",
        "minimum": 0,
        "description": "Score only the last n prompt tokens."
      },
      "record_stability_info": {
        "type": "boolean",
        "x-tinker-always-sent": true
      },
      "type": {
        "type": "string",
        "const": "sample",
        "default": "sample"
      }
    },
    "required": [
      "num_samples",
      "prompt",
      "sampling_params",
      "topk_prompt_logprobs",
      "type"
    ]
  },
  "StopReason": {
    "type": "string",
    "enum": [
      "length",
      "stop"
    ]
  },
  "SampledSequence": {
    "type": "object",
    "properties": {
      "stop_reason": {
        "$ref": "#/components/schemas/StopReason"
      },
      "tokens": {
        "type": "array",
        "items": {
          "type": "integer"
        }
      },
      "logprobs": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "number"
        }
      },
      "sequence_id": {
        "type": [
          "string",
          "null"
        ],
        "description": "Id of this sequence within the session, for later requests that refer to it. Servers do not send it here: clients take it from the asample future's `sample_sequence_ids`."
      }
    },
    "required": [
      "stop_reason",
      "tokens"
    ]
  },
  "SampleResponse": {
    "type": "object",
    "description": "JSON form of a sampling result (current servers answer protobuf).",
    "properties": {
      "sequences": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SampledSequence"
        }
      },
      "type": {
        "type": "string",
        "const": "sample"
      },
      "prompt_logprobs": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": [
            "number",
            "null"
          ]
        }
      },
      "topk_prompt_logprobs": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": [
            "array",
            "null"
          ],
          "items": {
            "type": "array",
            "prefixItems": [
              {
                "type": "integer"
              },
              {
                "type": "number"
              }
            ],
            "minItems": 2,
            "maxItems": 2
          }
        }
      },
      "prompt_cache_hit_tokens": {
        "type": "integer",
        "default": 0
      }
    },
    "required": [
      "sequences"
    ]
  },
  "GetSamplerResponse": {
    "type": "object",
    "properties": {
      "sampler_id": {
        "type": "string"
      },
      "base_model": {
        "type": "string"
      },
      "model_path": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "sampler_id",
      "base_model"
    ]
  },
  "AuditLogEntry": {
    "type": "object",
    "properties": {
      "timestamp": {
        "type": "string",
        "format": "date-time"
      },
      "event": {
        "type": "string"
      },
      "event_details": {
        "type": "object",
        "additionalProperties": true,
        "default": {}
      },
      "model_id": {
        "type": [
          "string",
          "null"
        ]
      },
      "tinker_path": {
        "type": [
          "string",
          "null"
        ]
      },
      "purpose": {
        "type": [
          "string",
          "null"
        ]
      }
    },
    "required": [
      "timestamp",
      "event"
    ]
  },
  "AuditLogResponse": {
    "type": "object",
    "properties": {
      "entries": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/AuditLogEntry"
        }
      }
    },
    "required": [
      "entries"
    ]
  },
  "TrainingBillingEvent": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "training"
      },
      "token_count": {
        "type": "integer"
      }
    },
    "required": [
      "type",
      "token_count"
    ]
  },
  "SamplingPrefillBillingEvent": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "sampling_prefill"
      },
      "cached": {
        "type": "boolean"
      },
      "token_count": {
        "type": "integer"
      }
    },
    "required": [
      "type",
      "cached",
      "token_count"
    ]
  },
  "SamplingSampleBillingEvent": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "sampling_sample"
      },
      "token_count": {
        "type": "integer"
      }
    },
    "required": [
      "type",
      "token_count"
    ]
  },
  "CheckpointBillingEvent": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "checkpoint"
      },
      "count": {
        "type": "integer"
      }
    },
    "required": [
      "type",
      "count"
    ]
  },
  "StorageBillingEvent": {
    "type": "object",
    "properties": {
      "type": {
        "type": "string",
        "const": "storage"
      },
      "free": {
        "type": "boolean",
        "default": false
      },
      "gigabyte_hours": {
        "type": "number"
      }
    },
    "required": [
      "type",
      "gigabyte_hours"
    ]
  },
  "BillingEventInfo": {
    "description": "What was billed, told apart by `type`.",
    "anyOf": [
      {
        "$ref": "#/components/schemas/TrainingBillingEvent"
      },
      {
        "$ref": "#/components/schemas/SamplingPrefillBillingEvent"
      },
      {
        "$ref": "#/components/schemas/SamplingSampleBillingEvent"
      },
      {
        "$ref": "#/components/schemas/CheckpointBillingEvent"
      },
      {
        "$ref": "#/components/schemas/StorageBillingEvent"
      }
    ]
  },
  "BillingUsageSession": {
    "type": "object",
    "properties": {
      "user_metadata": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/UserMetadata"
          },
          {
            "type": "null"
          }
        ]
      }
    }
  },
  "BillingUsageEvent": {
    "type": "object",
    "properties": {
      "bucket_start": {
        "type": "string",
        "format": "date-time"
      },
      "bucket_end": {
        "type": "string",
        "format": "date-time"
      },
      "base_model": {
        "type": [
          "string",
          "null"
        ]
      },
      "user_id": {
        "type": [
          "string",
          "null"
        ]
      },
      "user_name": {
        "type": [
          "string",
          "null"
        ]
      },
      "session_id": {
        "type": [
          "string",
          "null"
        ]
      },
      "project_id": {
        "type": [
          "string",
          "null"
        ]
      },
      "estimated_cost_usd": {
        "type": [
          "number",
          "null"
        ]
      },
      "effective_rate_usd_per_million_tokens": {
        "type": [
          "number",
          "null"
        ]
      },
      "effective_rate_usd_per_gigabyte_month": {
        "type": [
          "number",
          "null"
        ]
      },
      "event_info": {
        "$ref": "#/components/schemas/BillingEventInfo"
      }
    },
    "required": [
      "bucket_start",
      "bucket_end",
      "event_info"
    ]
  },
  "BillingUsageResponse": {
    "type": "object",
    "properties": {
      "data": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/BillingUsageEvent"
        }
      },
      "sessions": {
        "type": "object",
        "default": {},
        "description": "The sessions the events belong to, by session id.",
        "additionalProperties": {
          "$ref": "#/components/schemas/BillingUsageSession"
        }
      },
      "cost_data_through": {
        "type": [
          "string",
          "null"
        ],
        "format": "date-time"
      }
    },
    "required": [
      "data"
    ]
  },
  "CurrentCheckpointStorageUsageItem": {
    "type": "object",
    "properties": {
      "project_id": {
        "type": [
          "string",
          "null"
        ]
      },
      "org_user_urn": {
        "type": [
          "string",
          "null"
        ]
      },
      "user_email": {
        "type": [
          "string",
          "null"
        ]
      },
      "user_name": {
        "type": [
          "string",
          "null"
        ]
      },
      "checkpoint_count": {
        "type": "integer"
      },
      "size_bytes": {
        "type": "integer"
      },
      "size_gigabytes": {
        "type": "number"
      },
      "estimated_monthly_cost_usd": {
        "type": [
          "number",
          "null"
        ]
      }
    },
    "required": [
      "checkpoint_count",
      "size_bytes",
      "size_gigabytes"
    ]
  },
  "CurrentCheckpointStorageUsageResponse": {
    "type": "object",
    "properties": {
      "effective_rate_usd_per_gigabyte_month": {
        "type": [
          "number",
          "null"
        ]
      },
      "data": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/CurrentCheckpointStorageUsageItem"
        }
      }
    },
    "required": [
      "data"
    ]
  },
  "TelemetrySeverity": {
    "type": "string",
    "enum": [
      "DEBUG",
      "INFO",
      "WARNING",
      "ERROR",
      "CRITICAL"
    ]
  },
  "SessionStartEvent": {
    "type": "object",
    "properties": {
      "event": {
        "type": "string",
        "const": "SESSION_START"
      },
      "event_id": {
        "type": "string"
      },
      "event_session_index": {
        "type": "integer",
        "minimum": 0
      },
      "severity": {
        "$ref": "#/components/schemas/TelemetrySeverity"
      },
      "timestamp": {
        "type": "string",
        "format": "date-time"
      }
    },
    "required": [
      "event",
      "event_id",
      "event_session_index",
      "severity",
      "timestamp"
    ]
  },
  "SessionEndEvent": {
    "type": "object",
    "properties": {
      "duration": {
        "type": "string",
        "description": "Session length as Python prints a timedelta, e.g. `0:05:12.345678`."
      },
      "event": {
        "type": "string",
        "const": "SESSION_END"
      },
      "event_id": {
        "type": "string"
      },
      "event_session_index": {
        "type": "integer",
        "minimum": 0
      },
      "severity": {
        "$ref": "#/components/schemas/TelemetrySeverity"
      },
      "timestamp": {
        "type": "string",
        "format": "date-time"
      }
    },
    "required": [
      "duration",
      "event",
      "event_id",
      "event_session_index",
      "severity",
      "timestamp"
    ]
  },
  "UnhandledExceptionEvent": {
    "type": "object",
    "properties": {
      "error_message": {
        "type": "string"
      },
      "error_type": {
        "type": "string"
      },
      "event": {
        "type": "string",
        "const": "UNHANDLED_EXCEPTION"
      },
      "event_id": {
        "type": "string"
      },
      "event_session_index": {
        "type": "integer",
        "minimum": 0
      },
      "severity": {
        "$ref": "#/components/schemas/TelemetrySeverity"
      },
      "timestamp": {
        "type": "string",
        "format": "date-time"
      },
      "traceback": {
        "type": "string"
      }
    },
    "required": [
      "error_message",
      "error_type",
      "event",
      "event_id",
      "event_session_index",
      "severity",
      "timestamp"
    ]
  },
  "GenericEvent": {
    "type": "object",
    "properties": {
      "event": {
        "type": "string",
        "const": "GENERIC_EVENT"
      },
      "event_id": {
        "type": "string"
      },
      "event_name": {
        "type": "string"
      },
      "event_session_index": {
        "type": "integer",
        "minimum": 0
      },
      "severity": {
        "$ref": "#/components/schemas/TelemetrySeverity"
      },
      "timestamp": {
        "type": "string",
        "format": "date-time"
      },
      "event_data": {
        "type": "object",
        "additionalProperties": true,
        "default": {}
      }
    },
    "required": [
      "event",
      "event_id",
      "event_name",
      "event_session_index",
      "severity",
      "timestamp",
      "event_data"
    ]
  },
  "TelemetryEvent": {
    "description": "One telemetry event, told apart by `event`.",
    "type": "object",
    "oneOf": [
      {
        "$ref": "#/components/schemas/SessionStartEvent"
      },
      {
        "$ref": "#/components/schemas/SessionEndEvent"
      },
      {
        "$ref": "#/components/schemas/UnhandledExceptionEvent"
      },
      {
        "$ref": "#/components/schemas/GenericEvent"
      }
    ]
  },
  "TelemetrySendRequest": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "events": {
        "type": "array",
        "maxItems": 100,
        "items": {
          "$ref": "#/components/schemas/TelemetryEvent"
        }
      },
      "platform": {
        "type": "string"
      },
      "sdk_version": {
        "type": "string"
      },
      "session_id": {
        "type": "string",
        "description": "The session id, or `sessionless-<uuid>` for a REST-only client."
      },
      "process_uuid": {
        "type": "string"
      }
    },
    "required": [
      "events",
      "platform",
      "sdk_version",
      "session_id",
      "process_uuid"
    ]
  },
  "TelemetryResponse": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "const": "accepted"
      }
    },
    "required": [
      "status"
    ]
  }
} as const;

export type ComponentSchemaName = keyof typeof componentSchemas;
