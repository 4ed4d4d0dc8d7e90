export {
  RestClient,
  TraceExportFailedError,
  TRACE_EXPORT_POLL_INTERVAL_MS,
  type AccessScopeOptions,
  type ListTrainingRunsOptions,
  type ListUserCheckpointsOptions,
  type ListSessionsOptions,
  type IterateOptions,
  type IterTrainingRunsOptions,
  type IterUserCheckpointsOptions,
  type IterSessionsOptions,
  type ArchiveUrlOptions,
  type ExportSessionTraceOptions,
  type AuditEventType,
  type GetAuditLogOptions,
  type CopyWeightsOptions,
} from "./rest-client.js";
export { ARCHIVE_BUILD_WAIT_MS, ARCHIVE_BUILD_ATTEMPTS } from "./archive-url.js";

export type * from "./wire.js";
