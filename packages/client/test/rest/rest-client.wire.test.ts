// What each RestClient method puts on the wire, against a recording server on a real socket.
// Expected requests are what the Python SDK 0.38.0 sends for the same call (observed with a
// recording server, or read from its source where noted).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AbortError, DeadlineExceededError, RestClient, TraceExportFailedError, ValidationError } from "../../src/index.js";
import { startServer, type TestServer } from "./http-fixture.js";

interface Recorded {
  method: string;
  url: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
const JWT = `${b64({ alg: "HS256" })}.${b64({ iss: "passport-x", sub: "user-1", org_id: "org-9", email: "a@b.c", exp: Math.floor(Date.now() / 1000) + 3600, iat: Math.floor(Date.now() / 1000) })}.sig`;

let server: TestServer;
let recorded: Recorded[] = [];
let answers: Map<string, () => { status?: number; json?: unknown; headers?: Record<string, string> }>;
let jwtAuth = false;

function answer(pathStart: string, reply: () => { status?: number; json?: unknown; headers?: Record<string, string> }): void {
  answers.set(pathStart, reply);
}

beforeAll(async () => {
  server = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "";
      const body = Buffer.concat(chunks).toString("utf8");
      let reply: { status?: number; json?: unknown; headers?: Record<string, string> } = { json: {} };
      if (url === "/api/v1/client/config") reply = { json: { pjwt_auth_enabled: jwtAuth } };
      else if (url === "/api/v1/auth/token") reply = { json: { jwt: JWT } };
      else if (url === "/api/v1/client/dynamic_config") reply = { json: {} };
      else {
        recorded.push({ method: req.method ?? "", url, body, headers: req.headers });
        for (const [prefix, make] of answers) if (url.startsWith(prefix)) reply = make();
      }
      const text = reply.json === undefined ? "" : JSON.stringify(reply.json);
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
      res.end(text);
    });
  });
});
afterAll(async () => server.close());
beforeEach(() => {
  recorded = [];
  answers = new Map();
  jwtAuth = false;
});

function client(apiKey = "tml-wire-test"): RestClient {
  return new RestClient({ baseUrl: server.url, apiKey, logLevel: "off" });
}

function only(): Recorded {
  expect(recorded).toHaveLength(1);
  return recorded[0]!;
}

describe("request shapes", () => {
  const cases: [string, (rest: RestClient) => Promise<unknown>, string, string, string][] = [
    ["getTrainingRun", (r) => r.getTrainingRun("sess:train:0"), "GET", "/api/v1/training_runs/sess:train:0?access_scope=owned", ""],
    [
      "getTrainingRunByTinkerPath accessible",
      (r) => r.getTrainingRunByTinkerPath("tinker://sess:train:0/weights/a", { accessScope: "accessible" }),
      "GET",
      "/api/v1/training_runs/sess:train:0?access_scope=accessible",
      "",
    ],
    ["getWeightsInfoByTinkerPath", (r) => r.getWeightsInfoByTinkerPath("tinker://r/weights/a"), "POST", "/api/v1/weights_info", '{"tinker_path":"tinker://r/weights/a"}'],
    ["listTrainingRuns defaults", (r) => r.listTrainingRuns(), "GET", "/api/v1/training_runs?limit=20&offset=0&access_scope=owned", ""],
    [
      "listTrainingRuns with project",
      (r) => r.listTrainingRuns({ limit: 5, offset: 10, accessScope: "accessible", projectId: "proj-x" }),
      "GET",
      "/api/v1/training_runs?limit=5&offset=10&access_scope=accessible&project_id=proj-x",
      "",
    ],
    ["listCheckpoints", (r) => r.listCheckpoints("r"), "GET", "/api/v1/training_runs/r/checkpoints", ""],
    ["listUserCheckpoints", (r) => r.listUserCheckpoints(), "GET", "/api/v1/checkpoints?limit=100&offset=0", ""],
    ["deleteCheckpoint", (r) => r.deleteCheckpoint("r", "weights/a"), "DELETE", "/api/v1/training_runs/r/checkpoints/weights/a", ""],
    [
      "deleteCheckpointFromTinkerPath",
      (r) => r.deleteCheckpointFromTinkerPath("tinker://r/sampler_weights/s"),
      "DELETE",
      "/api/v1/training_runs/r/checkpoints/sampler_weights/s",
      "",
    ],
    ["publish", (r) => r.publishCheckpointFromTinkerPath("tinker://r/weights/a"), "POST", "/api/v1/training_runs/r/checkpoints/weights/a/publish", ""],
    ["unpublish", (r) => r.unpublishCheckpointFromTinkerPath("tinker://r/weights/a"), "DELETE", "/api/v1/training_runs/r/checkpoints/weights/a/publish", ""],
    ["set TTL", (r) => r.setCheckpointTtlFromTinkerPath("tinker://r/weights/a", 7200), "PUT", "/api/v1/training_runs/r/checkpoints/weights/a/ttl", '{"ttl_seconds":7200}'],
    ["clear TTL", (r) => r.setCheckpointTtlFromTinkerPath("tinker://r/weights/a", null), "PUT", "/api/v1/training_runs/r/checkpoints/weights/a/ttl", '{"ttl_seconds":null}'],
    ["listSessions", (r) => r.listSessions(), "GET", "/api/v1/sessions?limit=20&offset=0&access_scope=owned", ""],
    ["getSession", (r) => r.getSession("s1", { accessScope: "accessible" }), "GET", "/api/v1/sessions/s1?access_scope=accessible", ""],
    ["assignSessionProject", (r) => r.assignSessionProject("s1", "p1"), "PUT", "/api/v1/sessions/s1/project", '{"project_id":"p1"}'],
    ["getSampler", (r) => r.getSampler("s1:sample:0"), "GET", "/api/v1/samplers/s1:sample:0", ""],
    ["getServerCapabilities", (r) => r.getServerCapabilities(), "GET", "/api/v1/get_server_capabilities", ""],
    ["getAuditLog", (r) => r.getAuditLog(), "GET", "/api/v1/audit?event_type=all", ""],
    ["getAuditLog day", (r) => r.getAuditLog({ eventType: "checkpoints", day: "2024-01-15" }), "GET", "/api/v1/audit?event_type=checkpoints&day=2024-01-15", ""],
    [
      "getBillingUsage",
      (r) => r.getBillingUsage("2024-01-01T00:00:00+00:00", new Date(Date.UTC(2024, 1, 1, 12, 30))),
      "GET",
      "/api/v1/billing/usage/events?starting_on=2024-01-01T00%3A00%3A00Z&ending_before=2024-02-01T12%3A30%3A00Z",
      "",
    ],
    ["storage usage", (r) => r.getCurrentCheckpointStorageUsage(), "GET", "/api/v1/billing/usage/checkpoints/current", ""],
    ["storage usage of a project", (r) => r.getCurrentCheckpointStorageUsage({ projectId: "p1" }), "GET", "/api/v1/billing/usage/checkpoints/current?project_id=p1", ""],
    [
      "getExternalWeightsUrls",
      (r) => r.getExternalWeightsUrls("tinker://r/external_weights/a"),
      "GET",
      "/api/v1/training_runs/r/checkpoints/external_weights/a/external_weights_urls",
      "",
    ],
    ["searchSessions defaults", (r) => r.searchSessions({ limit: 5 }), "POST", "/api/v1/sessions/search", '{"user_metadata":{},"owner":{"type":"own"},"limit":5}'],
  ];

  it.each(cases)("%s", async (_name, call, method, url, body) => {
    answer("/api/v1/training_runs?", () => ({ json: { training_runs: [], cursor: { offset: 0, limit: 20, total_count: 0 } } }));
    const rest = client();
    try {
      await call(rest);
    } finally {
      await rest.close();
    }
    const request = only();
    expect(request.method).toBe(method);
    expect(request.url).toBe(url);
    expect(request.body).toBe(body);
    expect(request.headers["x-api-key"]).toBe("tml-wire-test");
    if (method === "GET") {
      expect(request.headers["x-idempotency-key"]).toBeUndefined();
    } else {
      // Python sends Content-Type: application/json and an idempotency key even without a body.
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["x-idempotency-key"]).toMatch(/\S/);
    }
  });

  it("asks for the archive URL without following the redirect, keeping the kind prefix unencoded", async () => {
    answer("/api/v1/training_runs/r/checkpoints/sampler_weights/final/archive", () => ({
      status: 302,
      json: undefined,
      headers: { location: "https://storage.invalid/a.tar?sig=1", expires: "Wed, 21 Oct 2026 07:28:00 GMT" },
    }));
    const rest = client();
    const archive = await rest.getCheckpointArchiveUrlFromTinkerPath("tinker://r/sampler_weights/final");
    await rest.close();
    expect(archive).toEqual({ url: "https://storage.invalid/a.tar?sig=1", expires: "2026-10-21T07:28:00.000Z" });
    const request = only();
    expect(request.url).toBe("/api/v1/training_runs/r/checkpoints/sampler_weights/final/archive");
    expect(request.headers["accept"]).toBe("application/json");
  });

  it("copyWeights sends one plain-uuid idempotency key for every attempt and the access token as a header", async () => {
    let calls = 0;
    answer("/api/v1/copy_weights", () => (++calls === 1 ? { status: 500, json: { detail: "flaky" } } : { json: { tinker_path: "tinker://r2/weights/a" } }));
    const rest = client();
    const copied = await rest.copyWeights("tinker://r/weights/a", "proj", { ttlSeconds: 3600, weightsAccessToken: "tok-secret" });
    await rest.close();
    expect(copied).toBe("tinker://r2/weights/a");
    expect(recorded).toHaveLength(2);
    for (const request of recorded) {
      expect(request.body).toBe('{"destination_project_id":"proj","source_path":"tinker://r/weights/a","ttl_seconds":3600}');
      expect(request.headers["x-tinker-weights-access-token"]).toBe("tok-secret");
      expect(request.headers["x-idempotency-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(recorded[0]!.headers["x-idempotency-key"]).toBe(recorded[1]!.headers["x-idempotency-key"]);
  });

  it("copyWeights without a destination project refuses before sending", async () => {
    const rest = new RestClient({ baseUrl: server.url, apiKey: "tml-wire-test", env: {}, logLevel: "off" });
    await expect(rest.copyWeights("tinker://r/weights/a")).rejects.toBeInstanceOf(ValidationError);
    await rest.close();
    expect(recorded).toEqual([]);
  });
});

describe("polling and identity", () => {
  it("exportSessionTrace polls until the export is ready", async () => {
    let polls = 0;
    answer("/api/v1/sessions/s1/trace_export", () => ({ json: ++polls < 3 ? { status: "pending" } : { status: "ready", url: "https://storage.invalid/t.pftrace" } }));
    const rest = client();
    expect(await rest.exportSessionTrace("s1", { pollIntervalMs: 5 })).toBe("https://storage.invalid/t.pftrace");
    await rest.close();
    expect(recorded.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill("GET /api/v1/sessions/s1/trace_export"));
  });

  it("exportSessionTrace reports a failed export", async () => {
    answer("/api/v1/sessions/s1/trace_export", () => ({ json: { status: "failed", error: "too big" } }));
    const rest = client();
    const error = await rest.exportSessionTrace("s1").catch((e: unknown) => e);
    await rest.close();
    expect(error).toBeInstanceOf(TraceExportFailedError);
    expect((error as Error).message).toContain("too big");
  });

  it("exportSessionTrace stops polling when aborted", async () => {
    answer("/api/v1/sessions/s1/trace_export", () => ({ json: { status: "pending" } }));
    const rest = client();
    const controller = new AbortController();
    const pending = rest.exportSessionTrace("s1", { signal: controller.signal, pollIntervalMs: 60_000 });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await rest.close();
  });

  it("whoami reads the exchanged JWT without a request of its own", async () => {
    jwtAuth = true;
    const rest = client();
    expect(await rest.whoami()).toEqual({ user_urn: "user-1", org_urn: "tml:organization:org-9", email: "a@b.c" });
    await rest.close();
    expect(recorded).toEqual([]);
  });

  it("whoami reads a Tinker-issued JWT given as the API key", async () => {
    const rest = client(JWT);
    expect((await rest.whoami()).user_urn).toBe("user-1");
    await rest.close();
  });
});

describe("validation before any request", () => {
  it("rejects bad arguments with a ValidationError naming the field", async () => {
    const rest = client();
    await expect(rest.listTrainingRuns({ limit: -1 })).rejects.toThrow(/limit/);
    await expect(rest.listSessions({ accessScope: "everyone" as "owned" })).rejects.toThrow(/accessScope/);
    await expect(rest.getBillingUsage("yesterday", new Date())).rejects.toThrow(/startingOn/);
    await expect(rest.getAuditLog({ day: "2024-02-30" })).rejects.toThrow(/day/);
    await expect(rest.getExternalWeightsUrls("tinker://r/weights/a")).rejects.toThrow(/external_weights/);
    await expect(rest.searchSessions({ limit: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(rest.listCheckpoints("r", { timeout: -5 })).rejects.toBeInstanceOf(ValidationError);
    await rest.close();
    expect(recorded).toEqual([]);
  });
});

describe("start-up", () => {
  it("is bounded by the call's timeout and signal", async () => {
    const slow = await startServer(() => {
      /* never answers */
    });
    const rest = new RestClient({ baseUrl: slow.url, apiKey: "tml-startup", logLevel: "off", maxRetries: 0 });
    try {
      await expect(rest.listSessions({ timeout: 100 })).rejects.toBeInstanceOf(DeadlineExceededError);
      const controller = new AbortController();
      const pending = rest.listSessions({ signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await expect(pending).rejects.toBeInstanceOf(AbortError);
    } finally {
      await rest.close();
      await slow.close();
    }
  });

  it("reports bad options when constructed, before any request", () => {
    expect(() => new RestClient({ apiKey: "sk-wrong", baseUrl: server.url })).toThrow(ValidationError);
    expect(() => new RestClient({ apiKey: "tml-x", baseUrl: "not a url" })).toThrow(/baseUrl/);
  });
});
