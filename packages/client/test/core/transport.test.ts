import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDefaultTransport, resolveClientOptions, setDefaultTransport } from "../../src/core/index.js";
import { createNodeTransport } from "../../src/transport/node.js";
import { createFetchTransport } from "../../src/transport/fetch.js";
import { startTestServer, TEST_KEY, type TestServer } from "./helpers/server.js";

const node = createNodeTransport();
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer();
});
afterAll(async () => {
  await a.close();
  await b.close();
  node.destroy();
});

const req = (url: string, extra: Partial<Parameters<typeof node>[0]> = {}) =>
  node({ method: "GET", url, headers: { "X-API-Key": TEST_KEY }, signal: new AbortController().signal, redirect: "follow", ...extra });

describe("node:http transport", () => {
  it("sends every URL to its own target, also past the remembered-targets limit and across origins", async () => {
    a.requests.length = 0;
    b.requests.length = 0;
    a.handle(() => ({ json: {} }));
    b.handle(() => ({ json: {} }));
    const sent: string[] = [];
    for (let i = 0; i < 300; i++) {
      const path = `/t/${i % 150}?q=${i}&x=%20`;
      await req(`${i % 2 ? a.url : b.url}${path}`);
      sent.push(path);
    }
    const seen = [...a.requests, ...b.requests].map((r) => r.path).sort();
    expect(seen).toEqual([...sent].sort());
    expect(a.requests.every((r) => Number(/q=(\d+)/.exec(r.path)![1]) % 2 === 1)).toBe(true);
  });

  it("decompresses gzip bodies", async () => {
    a.handle(() => ({ body: gzipSync('{"x":1}'), headers: { "content-encoding": "gzip", "content-type": "application/json" } }));
    const res = await req(`${a.url}/z`);
    expect(res.text()).toBe('{"x":1}');
    expect(res.headers.get("Content-Type")).toBe("application/json");
  });

  it("follows redirects, dropping credentials and switching to GET across origins", async () => {
    b.requests.length = 0;
    a.handle(() => ({ status: 302, headers: { location: `${b.url}/target` } }));
    b.handle(() => ({ json: { here: true } }));
    const res = await req(`${a.url}/start`, { method: "POST", body: "{}", headers: { "X-API-Key": TEST_KEY, "Content-Type": "application/json" } });
    expect(res.status).toBe(200);
    expect(b.requests[0]!.method).toBe("GET");
    expect(b.requests[0]!.headers["x-api-key"]).toBeUndefined();
    expect(b.requests[0]!.headers["content-type"]).toBeUndefined();
  });

  it("keeps the method and body on 307 within one origin; manual mode does not follow", async () => {
    a.requests.length = 0;
    a.handle((r) => (r.path === "/from" ? { status: 307, headers: { location: "/to" } } : { json: { body: r.text } }));
    const res = await req(`${a.url}/from`, { method: "POST", body: "abc" });
    expect(JSON.parse(res.text())).toEqual({ body: "abc" });
    expect(a.requests[1]!.headers["x-api-key"]).toBe(TEST_KEY);
    const manual = await req(`${a.url}/from`, { method: "POST", body: "abc", redirect: "manual" });
    expect(manual.status).toBe(307);
  });

  it("rejects with the signal's reason when aborted mid-request", async () => {
    a.handle(() => ({ stall: true }));
    const c = new AbortController();
    const p = req(`${a.url}/stall`, { signal: c.signal });
    setTimeout(() => c.abort(new Error("stop")), 20);
    await expect(p).rejects.toThrow("stop");
  });
});

describe("default transport selection", () => {
  it("is fetch unless an entry installs one; an injected fetch always wins", async () => {
    const before = getDefaultTransport();
    try {
      setDefaultTransport(undefined);
      expect(getDefaultTransport()).toBeUndefined();
      let made = 0;
      setDefaultTransport(() => {
        made++;
        return node;
      });
      const o1 = resolveClientOptions({ apiKey: TEST_KEY, env: {} });
      const o2 = resolveClientOptions({ apiKey: TEST_KEY, env: {} });
      expect(o1.transport).toBe(node);
      expect(o2.transport).toBe(node);
      expect(made).toBe(1);
      const injected = resolveClientOptions({ apiKey: TEST_KEY, env: {}, fetch: (r) => globalThis.fetch(r) });
      expect(injected.transport).not.toBe(node);
    } finally {
      setDefaultTransport(before === undefined ? undefined : () => before);
    }
  });

  it("the Node entry installs the node:http transport", async () => {
    setDefaultTransport(undefined);
    await import("../../src/transport/node-entry.js");
    const t = getDefaultTransport();
    expect(t).toBeDefined();
    expect(typeof (t as unknown as { destroy?: unknown }).destroy).toBe("function");
    setDefaultTransport(undefined);
  });

  it("the fetch transport passes one Request to the injected fetch", async () => {
    let seen: Request | undefined;
    const t = createFetchTransport(async (r) => {
      seen = r;
      return new Response("ok", { status: 201, headers: { "x-a": "b" } });
    });
    const res = await t({ method: "PUT", url: "http://x.test/p", headers: { "X-API-Key": TEST_KEY }, body: "{}", signal: new AbortController().signal, redirect: "manual" });
    expect(seen).toBeInstanceOf(Request);
    expect(seen!.method).toBe("PUT");
    expect(await seen!.text()).toBe("{}");
    expect([res.status, res.text(), res.headers.get("X-A")]).toEqual([201, "ok", "b"]);
  });
});
