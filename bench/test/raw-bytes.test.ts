/**
 * The raw floors are only meaningful if they send what the client sends. One op of each kind is
 * captured from tinker-ts and from each raw loop (on a fresh model, same seq_id and names), and
 * the bytes are compared: bodies exactly (model_id / request_id normalised), headers as sets.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "@tinker-ts/emulator";
import { openTinkerTs, type TinkerTsSession } from "../src/drivers/tinker-ts.js";
import { RawDriver, type RawTemplates } from "../src/drivers/raw.js";
import { rawRows } from "../src/data.js";
import { startCaptureProxy, type CaptureProxy, type CapturedRequest } from "../src/wire/capture.js";
import { futureOpFrom, submitsTo } from "../src/wire/captured-ops.js";
import { splitHead } from "../src/wire/proto-fields.js";
import { retrieve, submitOnly } from "../src/wire/future-op.js";
import { fetchSender, httpSender, type Sender } from "../src/wire/senders.js";

const KEY = "tml-bench-test";
const MODEL = "Qwen/Qwen3-8B";
const ROWS = rawRows({ batch: 2, seqLen: 16, vocab: 1000 });

let emulator: Awaited<ReturnType<typeof startEmulator>>;
const sessions: TinkerTsSession[] = [];
const proxies: CaptureProxy[] = [];

async function open(url: string): Promise<TinkerTsSession> {
  const s = await openTinkerTs(url, KEY, MODEL);
  sessions.push(s);
  return s;
}

async function proxy(): Promise<CaptureProxy> {
  const p = await startCaptureProxy(emulator.url);
  proxies.push(p);
  return p;
}

const VOLATILE = new Set(["host", "connection", "content-length", "x-tinker-create-promise-roundtrip-time"]);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Header lines as `name: value` (lower-case names), UUIDs masked, connection headers dropped. */
function headerSet(req: CapturedRequest): Set<string> {
  return new Set(
    req.headers.filter(([n]) => !VOLATILE.has(n.toLowerCase())).map(([n, v]) => `${n.toLowerCase()}: ${v.replace(UUID, "<uuid>")}`),
  );
}

function jsonBody(req: CapturedRequest, modelId: string): string {
  return req.body.toString("utf8").split(modelId).join("<model>").replace(/"request_id":"[^"]*"/, '"request_id":"<rid>"');
}

/** Headers undici's fetch adds on its own when the caller does not set them. */
const FETCH_OWN = new Set(["accept-language: *", "sec-fetch-mode: cors", "accept-encoding: gzip, deflate", "user-agent: node", "accept: */*"]);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, skipModel: true });
});

afterAll(async () => {
  for (const s of sessions) await s.close();
  for (const p of proxies) await p.close();
  await emulator.close();
});

describe("raw loops replay the client's bytes", () => {
  let clientReqs: CapturedRequest[];
  let clientModel: string;
  let templates: RawTemplates;

  beforeAll(async () => {
    const p = await proxy();
    const client = await open(p.url);
    clientModel = client.modelId;
    const before = p.requests.length;
    const path = await client.saveState("bench-ts-000001"); // seq_id 1
    await client.loadState(path); // seq_id 2
    await client.forwardBackward(ROWS); // seq_id 3
    clientReqs = p.requests.slice(before);
    await client.pipeline(1, ROWS);
    templates = {
      save: futureOpFrom(p.requests, "/api/v1/save_weights", ["model_id", "seq_id", "path"]),
      load: futureOpFrom(p.requests, "/api/v1/load_weights", ["model_id", "seq_id", "path"]),
      forwardBackward: futureOpFrom(p.requests, "/api/v1/forward_backward", []),
      optimStep: futureOpFrom(p.requests, "/api/v1/optim_step", ["model_id", "seq_id"]),
    };
  });

  for (const make of [httpSender, fetchSender]) {
    it(`${make.name}: save, load and forward_backward match tinker-ts byte for byte`, async () => {
      const p = await proxy();
      const sender: Sender = make(p.url);
      const model = (await open(emulator.url)).modelId;
      const raw = new RawDriver(sender.name, sender, model, templates, "ts");
      const path = await raw.save("bench-ts-000001");
      await raw.load(path);
      const fb = await submitOnly(sender, templates.forwardBackward, { model_id: model, seq_id: 3 });
      await retrieve(sender, templates.forwardBackward, fb.requestId, fb.seconds);
      raw.close();

      for (const route of ["/api/v1/save_weights", "/api/v1/load_weights", "/api/v1/retrieve_future"]) {
        const c = submitsTo(clientReqs, route)[0]!;
        const r = submitsTo(p.requests, route)[0]!;
        expect(r.method).toBe(c.method);
        expect(jsonBody(r, model)).toBe(jsonBody(c, clientModel));
        const ch = headerSet(c);
        const rh = headerSet(r);
        expect(ch).toContain(`x-api-key: ${KEY}`); // the comparison is over the client's real header set
        expect(ch.size).toBeGreaterThan(4);
        for (const h of ch) expect(rh, `${route} header ${h}`).toContain(h);
        const extra = [...rh].filter((h) => !ch.has(h));
        if (sender.name === "node:http") expect(extra, route).toEqual([]);
        else for (const h of extra) expect(FETCH_OWN, `${route} extra header ${h}`).toContain(h);
      }

      const cf = submitsTo(clientReqs, "/api/v1/forward_backward")[0]!;
      const rf = submitsTo(p.requests, "/api/v1/forward_backward")[0]!;
      expect(splitHead(rf.body).head).toEqual({ modelId: model, seqId: 3 });
      expect(splitHead(cf.body).head).toEqual({ modelId: clientModel, seqId: 3 });
      expect(Buffer.concat(splitHead(rf.body).rest).equals(Buffer.concat(splitHead(cf.body).rest))).toBe(true);
      for (const h of headerSet(cf)) expect(headerSet(rf)).toContain(h);
    });
  }
});
