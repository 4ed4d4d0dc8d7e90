// Wire types of the REST endpoints, as generated from spec/openapi.yaml (snake_case).
export type {
  Checkpoint,
  CheckpointType,
  Cursor,
  CheckpointsListResponse,
  TrainingRun,
  TrainingRunsResponse,
  WeightsInfoResponse,
  CheckpointArchiveUrlResponse,
  ExternalWeightsUrlsResponse,
  CopyWeightsResponse,
  ListSessionsResponse,
  GetSessionResponse,
  SessionTraceExportResponse,
  SessionSearchRequest,
  SessionSearchResponse,
  GetSamplerResponse,
  AuditLogResponse,
  BillingUsageResponse,
  CurrentCheckpointStorageUsageResponse,
  GetServerCapabilitiesResponse,
  WhoamiResponse,
} from "@tinker-ts/types";

/** `owned`: only the caller's; `accessible`: also what others shared with the caller. */
export type AccessScope = "owned" | "accessible";
