export * from "./fixture.js";
export * from "./difference.js";
export * from "./json-diff.js";
export * from "./headers.js";
export * from "./proto-body.js";
export * from "./compare-request.js";
export * from "./compare-calls.js";
export * from "./replay-server.js";
