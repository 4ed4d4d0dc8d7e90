// Wire types of the Tinker HTTP API, generated from spec/openapi.yaml.
// `paths`/`operations`/`components` are the raw openapi-typescript output (for openapi-fetch);
// every component schema is also exported under its own name, e.g. `LoadWeightsRequest`.
export type { paths, components, operations, webhooks } from "./generated/openapi.js";
export type * from "./generated/names.js";
export { referenceSdkVersion, clientDecisions } from "./generated/info.js";
