// Component schemas carry the Python SDK's type names, so code and docs can be read side by side,
// and every one of them is exported from the package under that name.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { componentSchemas } from "../src/schemas.js";
import { packageDir } from "./helpers/paths.js";

const pythonTypeNames = `
  ClientConfigRequest ClientConfigResponse ClientDynamicConfigResponse AuthTokenResponse
  CreateSessionRequest CreateSessionResponse SessionHeartbeatRequest SessionHeartbeatResponse
  CreateSamplingSessionRequest CreateSamplingSessionResponse GetServerCapabilitiesResponse SupportedModel
  HealthResponse CreateModelRequest CreateModelResponse LoraConfig GetInfoRequest GetInfoResponse ModelData
  UnloadModelRequest UnloadModelResponse AdamParams OptimStepRequest OptimStepResponse DimuonParams
  AdamOptimizerConfig DimuonOptimizerConfig SaveWeightsRequest SaveWeightsResponse LoadWeightsRequest
  LoadWeightsResponse SaveWeightsForSamplerRequest SaveWeightsForSamplerResponseInternal
  SaveWeightsForSamplerResponse SaveWeightsExternalRequest SaveWeightsExternalResponseInternal
  SaveWeightsExternalResponse CopyWeightsRequest CopyWeightsResponse SampleRequest SamplingParams
  SampleResponse SampledSequence StopReason ModelInput EncodedTextChunk ImageChunk ImageAssetPointerChunk
  DmelChunk TensorData TensorDtype Datum LossFnType ForwardBackwardInput ForwardBackwardRequest ForwardRequest
  ForwardBackwardOutput UntypedAPIFuture FutureRetrieveRequest TryAgainResponse CompleteMetadataResponse
  RequestFailedResponse RequestErrorCategory FutureRetrieveResponse FuturesRetrieveRequest FuturesRetrieveResponse
  SamplingSessionFuturesTarget FutureFinished FutureFailed JoinSamplingSessionRequest JoinSamplingSessionResponse
  CreateCustomLossRequest CreateCustomLossResponse CustomLossGraph CustomLossNode CustomLossInput
  WeightsInfoRequest WeightsInfoResponse TrainingRun TrainingRunsResponse Checkpoint CheckpointType
  CheckpointsListResponse Cursor CheckpointArchiveUrlResponse SetCheckpointTtlRequest ExternalWeightsUrlsResponse
  ListSessionsResponse GetSessionResponse AssignSessionProjectRequest SessionTraceExportResponse
  SessionSearchRequest SessionSearchResponse SessionSearchCursor SessionSummary SessionStatus SessionFailed
  SessionCancelled ClientSessionFinished SessionActive OwnSearchOwner AccessibleSearchOwner UserSearchOwner
  GetSamplerResponse AuditLogEntry AuditLogResponse BillingUsageResponse BillingUsageEvent BillingUsageSession
  TrainingBillingEvent SamplingPrefillBillingEvent SamplingSampleBillingEvent CheckpointBillingEvent
  StorageBillingEvent CurrentCheckpointStorageUsageResponse CurrentCheckpointStorageUsageItem
  TelemetrySendRequest TelemetryResponse SessionStartEvent SessionEndEvent UnhandledExceptionEvent GenericEvent
  WhoamiResponse ErrorResponse
`.split(/\s+/).filter(Boolean);

describe("component schema names", () => {
  it.each(pythonTypeNames)("%s is a component schema", (name) => {
    expect(Object.keys(componentSchemas)).toContain(name);
  });

  it("are all exported as named types", () => {
    const names = readFileSync(resolve(packageDir, "src/generated/names.ts"), "utf8");
    for (const name of Object.keys(componentSchemas)) {
      expect(names).toContain(`export type ${name} = components["schemas"]["${name}"];`);
    }
  });
});
