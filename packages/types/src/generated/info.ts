// Generated from spec/openapi.yaml (sha256 639ebbf0db9fae9d) by packages/types/scripts/generate.mjs. Do not edit: change the spec and run `pnpm generate`.
/** The Python SDK version whose wire behaviour the spec reproduces; clients send it as `sdk_version`. */
export const referenceSdkVersion = "0.38.0";

/** Decisions about how tinker-ts presents itself on the wire (spec `info.x-tinker-client-decisions`). */
export const clientDecisions = {
  "sdk_version": {
    "value": "0.38.0",
    "why": "tinker-ts sends `sdk_version: \"0.38.0\"` in client/config, client/dynamic_config, create_session and telemetry. The service resolves feature flags from this value, and tinker-ts implements the behaviour of Python SDK 0.38.0, so it must receive the flags that version gets."
  },
  "user_agent": {
    "value": "tinker-ts/<package version>",
    "why": "tinker-ts identifies itself honestly in `User-Agent` instead of imitating `AsyncTinker/Python`."
  },
  "platform_headers": {
    "value": "not sent",
    "why": "The Python client's `X-Stainless-*` headers (package version, OS, arch, runtime, retry count, read timeout, raw-response marker) describe the Python runtime; the service does not need them and tinker-ts does not send them."
  },
  "sdk_method_headers": {
    "value": "not decided here",
    "why": "Python 0.38.0 also sends `x-sdk-version` and `x-sdk-method` on calls made from public methods (components.parameters.SdkVersion/SdkMethod). They are informational; whether tinker-ts sends them is the client's choice and is not compared by the contract tests."
  }
} as const;
