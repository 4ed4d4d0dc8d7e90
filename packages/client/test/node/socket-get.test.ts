import { createHash, randomBytes } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionClosedError, socketGet, type SocketResponse } from "../../src/node/http1/socket-get.js";
import { TEST_CERT, TEST_KEY } from "./tls-fixture.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server, scheme = "http"): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A server that answers each connection with exactly `wire` (written in `pieces`) and records the request. */
async function rawServer(answer: (socket: Socket, request: string) => void): Promise<string> {
  const server = createNetServer((socket) => {
    let request = "";
    socket.on("data", (d: Buffer) => {
      request += d.toString("latin1");
      if (request.includes("\r\n\r\n")) answer(socket, request);
    });
    socket.on("error", () => {});
  });
  return listen(server);
}

function httpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  return listen(createHttpServer(handler));
}

async function readAll(response: SocketResponse): Promise<{ body: Buffer; runs: number[] }> {
  const parts: Buffer[] = [];
  const runs: number[] = [];
  const length = await response.readBody((bytes) => {
    parts.push(Buffer.from(bytes)); // a copy: the view is reused after the call
    runs.push(bytes.length);
  });
  const body = Buffer.concat(parts);
  expect(length).toBe(body.length);
  return { body, runs };
}

describe("socketGet", () => {
  it("sends a GET with the path, query and Host, and reads a Content-Length body", async () => {
    let seen = "";
    const url = await rawServer((socket, request) => {
      seen = request;
      socket.write("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello");
      setTimeout(() => socket.end(" world"), 20);
    });
    const response = await socketGet(`${url}/a%20b/c?x=1&y=2#frag`);
    expect(response.status).toBe(200);
    expect(response.framing).toEqual({ kind: "length", bytes: 11 });
    expect((await readAll(response)).body.toString()).toBe("hello world");
    const port = new URL(url).port;
    expect(seen).toBe(`GET /a%20b/c?x=1&y=2 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  });

  it("ends the body at its Content-Length: bytes after it are ignored, and the server need not close", async () => {
    const url = await rawServer((socket) => socket.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloEXTRA"));
    expect((await readAll(await socketGet(url))).body.toString()).toBe("hello");
  });

  it("decodes a chunked body from node:http, byte for byte", async () => {
    const payload = randomBytes(3 * 1024 * 1024 + 17);
    const url = await httpServer((_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < payload.length; i += 100_003) res.write(payload.subarray(i, i + 100_003));
      res.end();
    });
    const response = await socketGet(url);
    expect(response.framing.kind).toBe("chunked");
    const { body, runs } = await readAll(response);
    expect(body.equals(payload)).toBe(true);
    expect(Math.max(...runs)).toBeLessThanOrEqual(1024 * 1024);
  });

  it("hands a large body out in runs no larger than its buffer, without losing or reordering bytes", async () => {
    const payload = randomBytes(5 * 1024 * 1024 + 3);
    const url = await httpServer((_req, res) => {
      res.writeHead(200, { "content-length": payload.length });
      res.end(payload);
    });
    const { body, runs } = await readAll(await socketGet(url, { bufferBytes: 256 * 1024 }));
    expect(createHash("sha256").update(body).digest("hex")).toBe(createHash("sha256").update(payload).digest("hex"));
    expect(Math.max(...runs)).toBeLessThanOrEqual(256 * 1024);
  });

  it("lets the event loop turn after each full buffer it writes", async () => {
    const payload = Buffer.alloc(32 * 1024 * 1024, 1);
    const url = await httpServer((_req, res) => {
      res.writeHead(200, { "content-length": payload.length });
      res.end(payload);
    });
    let turn = 0;
    let ticking = true;
    const tick = (): void => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const runsPerTurn = new Map<number, number>();
    try {
      const response = await socketGet(url, { bufferBytes: 256 * 1024 });
      await response.readBody(() => runsPerTurn.set(turn, (runsPerTurn.get(turn) ?? 0) + 1));
    } finally {
      ticking = false;
    }
    expect(Math.max(...runsPerTurn.values())).toBeLessThanOrEqual(2);
  });

  it("reads a body without length or chunking until the connection closes", async () => {
    const url = await rawServer((socket) => {
      socket.write("HTTP/1.0 200 OK\r\n\r\npart one,");
      setTimeout(() => socket.end(" part two"), 20);
    });
    const response = await socketGet(url);
    expect(response.framing).toEqual({ kind: "close" });
    expect((await readAll(response)).body.toString()).toBe("part one, part two");
  });

  it("skips 1xx responses and a head split across writes", async () => {
    const url = await rawServer((socket) => {
      socket.write("HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\nHTTP/1.1 200 OK\r\nContent-");
      setTimeout(() => socket.end("Length: 2\r\n\r\nok"), 20);
    });
    const response = await socketGet(url);
    expect(response.status).toBe(200);
    expect((await readAll(response)).body.toString()).toBe("ok");
  });

  it("rejects a body that ends before its Content-Length or its last chunk", async () => {
    const short = await rawServer((socket) => socket.end("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789"));
    await expect(socketGet(short).then(readAll)).rejects.toThrow(new ConnectionClosedError("connection closed after 10 of 100 body bytes"));
    const chunked = await rawServer((socket) => socket.end("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"));
    await expect(socketGet(chunked).then(readAll)).rejects.toBeInstanceOf(ConnectionClosedError);
  });

  it("rejects when the connection closes before the head, or the head is not HTTP", async () => {
    const silent = await rawServer((socket) => socket.end());
    await expect(socketGet(silent)).rejects.toBeInstanceOf(ConnectionClosedError);
    const garbage = await rawServer((socket) => socket.end("SSH-2.0-OpenSSH\r\n\r\n"));
    await expect(socketGet(garbage)).rejects.toThrow(/not an HTTP\/1.x status line/);
  });

  it("follows relative and absolute redirects, like fetch", async () => {
    const target = await httpServer((_req, res) => res.end("landed"));
    const url = await httpServer((req, res) => {
      if (req.url === "/one") res.writeHead(301, { location: "/two" }).end();
      else res.writeHead(307, { location: `${target}/final` }).end();
    });
    const response = await socketGet(`${url}/one`);
    expect(response.url.href).toBe(`${target}/final`);
    expect((await readAll(response)).body.toString()).toBe("landed");
  });

  it("stops following after 10 redirects and returns the last one", async () => {
    let hops = 0;
    const url = await httpServer((_req, res) => {
      hops++;
      res.writeHead(302, { location: "/again" }).end();
    });
    const response = await socketGet(url);
    response.discard();
    expect(response.status).toBe(302);
    expect(hops).toBe(11);
  });

  it("stops when aborted, before the head and while reading the body", async () => {
    const hang = await rawServer((socket) => socket.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nsome"));
    const early = new AbortController();
    const pending = socketGet(await rawServer(() => {}), { signal: early.signal });
    early.abort(new Error("early stop"));
    await expect(pending).rejects.toThrow("early stop");

    const late = new AbortController();
    const response = await socketGet(hang, { signal: late.signal });
    const body = response.readBody(() => late.abort(new Error("late stop")));
    await expect(body).rejects.toThrow("late stop");
  });

  it("stops with the error a write throws", async () => {
    const url = await httpServer((_req, res) => res.end("data"));
    const response = await socketGet(url);
    await expect(response.readBody(() => {
      throw new Error("disk full");
    })).rejects.toThrow("disk full");
  });

  it("reads over TLS, checking the certificate", async () => {
    const payload = randomBytes(2 * 1024 * 1024);
    const url = await listen(
      createHttpsServer({ key: TEST_KEY, cert: TEST_CERT }, (_req, res) => {
        res.writeHead(200, { "content-length": payload.length });
        res.end(payload);
      }),
      "https",
    );
    const response = await socketGet(url, { tls: { ca: TEST_CERT } });
    expect((await readAll(response)).body.equals(payload)).toBe(true);
    await expect(socketGet(url)).rejects.toThrow(/self.signed/i);
  });

  it("keeps the TLS records that arrive with the head, before the body is asked for", async () => {
    // One write: the head and the start of the body share a TLS record, and more records follow in
    // the same flight, so they are decrypted while the response waits for readBody.
    const payload = randomBytes(200_000);
    const server = createTlsServer({ key: TEST_KEY, cert: TEST_CERT }, (socket) => {
      socket.once("data", () => socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${payload.length}\r\n\r\n`), payload])));
      socket.on("error", () => {});
    });
    const url = await listen(server, "https");
    for (let i = 0; i < 5; i++) {
      const response = await socketGet(url, { tls: { ca: TEST_CERT } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await readAll(response)).body.equals(payload)).toBe(true);
    }
  });

  it("reads a small TLS response whose connection closed before the body was asked for", async () => {
    const server = createTlsServer({ key: TEST_KEY, cert: TEST_CERT }, (socket) => {
      socket.once("data", () => socket.end("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));
      socket.on("error", () => {});
    });
    const url = await listen(server, "https");
    for (let i = 0; i < 5; i++) {
      const response = await socketGet(url, { tls: { ca: TEST_CERT } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await readAll(response)).body.toString()).toBe("hello");
    }
  });

  it("refuses schemes other than http and https", async () => {
    await expect(socketGet("ftp://127.0.0.1/x")).rejects.toThrow(/Unsupported protocol/);
  });
});
