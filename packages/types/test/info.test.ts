// The spec's version is the Python SDK release the fixtures were captured from, and the version
// tinker-ts announces as `sdk_version`.
import { describe, expect, it } from "vitest";
import { clientDecisions, referenceSdkVersion } from "../src/index.js";
import { sdkBodies } from "./helpers/fixtures.js";

describe("spec info", () => {
  it("names the SDK version the fixtures come from", () => {
    expect(referenceSdkVersion).toBe(sdkBodies.sdk_version);
    expect(clientDecisions.sdk_version.value).toBe(referenceSdkVersion);
  });

  it("is the sdk_version the reference client sends", () => {
    const config = sdkBodies.bodies.find((b) => b.name === "client_config")!;
    expect(JSON.parse(config.body)).toEqual({ sdk_version: referenceSdkVersion });
  });
});
