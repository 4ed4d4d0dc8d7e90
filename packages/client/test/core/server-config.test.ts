// The client's server-config defaults are written out by hand (the schemas module stays out of the
// runtime bundle); the spec is their single source, so they must equal its `default` values.
import { describe, expect, it } from "vitest";
import { componentSchemas } from "@tinker-ts/types/schemas";
import { DEFAULT_DYNAMIC_CONFIG, DEFAULT_SERVER_CONFIG, resolveServerConfig } from "../../src/core/server-config.js";

function specDefaults(schema: { readonly properties: Readonly<Record<string, object>> }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema.properties).flatMap(([name, property]) => ("default" in property ? [[name, property.default]] : [])));
}

describe("server config defaults", () => {
  it("are the spec's ClientConfigResponse defaults, one for every flag", () => {
    const spec = specDefaults(componentSchemas.ClientConfigResponse);
    expect(Object.keys(spec)).toEqual(Object.keys(componentSchemas.ClientConfigResponse.properties));
    expect(DEFAULT_SERVER_CONFIG).toEqual(spec);
  });

  it("are the spec's ClientDynamicConfigResponse defaults", () => {
    expect(DEFAULT_DYNAMIC_CONFIG).toEqual(specDefaults(componentSchemas.ClientDynamicConfigResponse));
  });

  it("fill in what the server left out and keep what it sent", () => {
    const resolved = resolveServerConfig({ fwdbwd_max_chunk_len: 7, unknown_flag: 1 });
    expect(resolved.fwdbwd_max_chunk_len).toBe(7);
    expect(resolved.sample_max_concurrent_requests).toBe(DEFAULT_SERVER_CONFIG.sample_max_concurrent_requests);
    expect(resolved.raw).toEqual({ fwdbwd_max_chunk_len: 7, unknown_flag: 1 });
  });
});
