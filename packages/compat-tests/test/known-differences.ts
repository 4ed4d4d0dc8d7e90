/**
 * Differences between the TypeScript client and the Python captures that are known and not fixed yet,
 * exactly as the replay reports them. The replay test fails on any difference not listed here, and
 * reports a listed one that no longer occurs as fixed (then delete it here). Each entry says what is
 * wrong and who owns the fix. Ids are written `<uuid>` and request/exchange numbers `#<n>` (they change
 * with every capture).
 */
export const KNOWN_DIFFERENCES: Readonly<Record<string, readonly string[]>> = {
  // DECIDED, not a bug (see README "Known differences"): when a server explicitly sends
  // create_model_via_load_weights=false, tinker-ts honours it and takes the legacy
  // weights_info → create_model → load_weights flow, as Python ≤ 0.37 did; tinker 0.38.0 ignores the flag
  // and always loads with session addressing (SDK-0.38-NOTES §2.2). Only these scenarios, where the
  // capture server sends the flag on purpose, differ; the emulator no longer sends it by default.
  create_training_client_from_state_legacy: [
    "the scenario threw: APIStatusError: Error code: 418 - replay: Python sent no POST /api/v1/client/config here",
    "unexpected request POST /api/v1/client/config: Python sent no (further) request with this method and path",
    "missing request POST /api/v1/load_weights: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state), TypeScript never did",
    "missing request POST /api/v1/get_info: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state), TypeScript never did",
    "missing request POST /api/v1/forward_backward: Python sent it as exchange #<n> (Python: TrainingClient.forward_backward), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: TrainingClient.forward_backward), TypeScript never did",
    "missing request POST /api/v1/optim_step: Python sent it as exchange #<n> (Python: TrainingClient.optim_step), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: TrainingClient.optim_step), TypeScript never did",
    "missing request POST /api/v1/load_weights: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state), TypeScript never did",
    "missing request POST /api/v1/get_info: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state), TypeScript never did",
    "missing request POST /api/v1/forward_backward: Python sent it as exchange #<n> (Python: TrainingClient.forward_backward), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: TrainingClient.forward_backward), TypeScript never did",
    "missing request POST /api/v1/optim_step: Python sent it as exchange #<n> (Python: TrainingClient.optim_step), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: TrainingClient.optim_step), TypeScript never did",
    "call #<n> ServiceClient.create_training_client_from_state outcome: Python \"returned a value\", TypeScript \"raised: APIStatusError: Error code: 418 - replay: Python sent no POST /api/v1/client/config here\"",
    "call #<n> TrainingClient.forward_backward: Python \"TrainingClient.forward_backward\", TypeScript \"(no such call)\" (the TypeScript scenario stopped before this call)",
    "call #<n> TrainingClient.optim_step: Python \"TrainingClient.optim_step\", TypeScript \"(no such call)\" (the TypeScript scenario stopped before this call)",
    "call #<n> ServiceClient.create_training_client_from_state: Python \"ServiceClient.create_training_client_from_state\", TypeScript \"(no such call)\" (the TypeScript scenario stopped before this call)",
    "call #<n> TrainingClient.forward_backward: Python \"TrainingClient.forward_backward\", TypeScript \"(no such call)\" (the TypeScript scenario stopped before this call)",
    "call #<n> TrainingClient.optim_step: Python \"TrainingClient.optim_step\", TypeScript \"(no such call)\" (the TypeScript scenario stopped before this call)",
  ],
  // DECIDED, not a bug: the same intentional divergence as create_training_client_from_state_legacy.
  create_training_client_from_state_with_optimizer_legacy: [
    "the scenario threw: APIStatusError: Error code: 418 - replay: Python sent no POST /api/v1/client/config here",
    "unexpected request POST /api/v1/client/config: Python sent no (further) request with this method and path",
    "missing request POST /api/v1/load_weights: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state_with_optimizer), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state_with_optimizer), TypeScript never did",
    "missing request POST /api/v1/get_info: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state_with_optimizer), TypeScript never did",
    "missing request POST /api/v1/forward_backward: Python sent it as exchange #<n> (Python: TrainingClient.forward_backward), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: TrainingClient.forward_backward), TypeScript never did",
    "missing request POST /api/v1/optim_step: Python sent it as exchange #<n> (Python: TrainingClient.optim_step), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: TrainingClient.optim_step), TypeScript never did",
    "missing request POST /api/v1/load_weights: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state_with_optimizer), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state_with_optimizer), TypeScript never did",
    "missing request POST /api/v1/get_info: Python sent it as exchange #<n> (Python: ServiceClient.create_training_client_from_state_with_optimizer), TypeScript never did",
    "missing request POST /api/v1/forward_backward: Python sent it as exchange #<n> (Python: TrainingClient.forward_backward), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: TrainingClient.forward_backward), TypeScript never did",
    "missing request POST /api/v1/optim_step: Python sent it as exchange #<n> (Python: TrainingClient.optim_step), TypeScript never did",
    "missing request POST /api/v1/retrieve_future: Python sent it as exchange #<n> (Python: TrainingClient.optim_step), TypeScript never did",
    "call #<n> ServiceClient.create_training_client_from_state_with_optimizer outcome: Python \"returned a value\", TypeScript \"raised: APIStatusError: Error code: 418 - replay: Python sent no POST /api/v1/client/config here\"",
    "call #<n> TrainingClient.forward_backward: Python \"TrainingClient.forward_backward\", TypeScript \"(no such call)\" (the TypeScript scenario stopped before this call)",
    "call #<n> TrainingClient.optim_step: Python \"TrainingClient.optim_step\", TypeScript \"(no such call)\" (the TypeScript scenario stopped before this call)",
    "call #<n> ServiceClient.create_training_client_from_state_with_optimizer: Python \"ServiceClient.create_training_client_from_state_with_optimizer\", TypeScript \"(no such call)\" (the TypeScript scenario stopped before this call)",
    "call #<n> TrainingClient.forward_backward: Python \"TrainingClient.forward_backward\", TypeScript \"(no such call)\" (the TypeScript scenario stopped before this call)",
    "call #<n> TrainingClient.optim_step: Python \"TrainingClient.optim_step\", TypeScript \"(no such call)\" (the TypeScript scenario stopped before this call)",
  ],
};
