import { describe, expect, it } from "vitest";
import { bodyFraming, MalformedResponseError, MAX_HEAD_BYTES, parseResponseHead, type ResponseHead } from "../../src/node/http1/response-head.js";
import { ChunkedDecoder } from "../../src/node/http1/chunked-decoder.js";

const head = (status: number, fields: Record<string, string> = {}): ResponseHead => ({ status, headers: new Map(Object.entries(fields)) });

describe("parseResponseHead", () => {
  it("parses the status and header fields and says where the body starts", () => {
    const bytes = Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A:  one \r\nx-a: two\r\n\r\nhello");
    const parsed = parseResponseHead(bytes);
    expect(parsed?.head.status).toBe(200);
    expect(Object.fromEntries(parsed!.head.headers)).toEqual({ "content-length": "5", "x-a": "one, two" });
    expect(bytes.subarray(parsed!.bodyStart).toString()).toBe("hello");
  });

  it("waits for the blank line that ends the head", () => {
    expect(parseResponseHead(Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n"))).toBeUndefined();
  });

  it("accepts HTTP/1.0 and a status line without a reason", () => {
    expect(parseResponseHead(Buffer.from("HTTP/1.0 404\r\n\r\n"))?.head.status).toBe(404);
  });

  it("rejects what is not an HTTP/1.x head, and a head that never ends", () => {
    expect(() => parseResponseHead(Buffer.from("HTTP/2 200\r\n\r\n"))).toThrow(MalformedResponseError);
    expect(() => parseResponseHead(Buffer.from("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n"))).toThrow(MalformedResponseError);
    expect(() => parseResponseHead(Buffer.from("HTTP/1.1 200 OK\r\n folded: line\r\n\r\n"))).toThrow(MalformedResponseError);
    expect(() => parseResponseHead(Buffer.alloc(MAX_HEAD_BYTES + 1, 0x61))).toThrow(/exceeds/);
  });
});

describe("bodyFraming", () => {
  it("has no body for 1xx, 204 and 304", () => {
    for (const status of [100, 204, 304]) expect(bodyFraming(head(status, { "content-length": "9" }))).toEqual({ kind: "none" });
  });

  it("prefers Transfer-Encoding over Content-Length and supports chunked alone", () => {
    expect(bodyFraming(head(200, { "transfer-encoding": "Chunked", "content-length": "3" }))).toEqual({ kind: "chunked" });
    expect(bodyFraming(head(200, { "transfer-encoding": "gzip, chunked" })).kind).toBe("unsupported");
  });

  it("reads Content-Length, repeated identical values included, and rejects conflicting or bad ones", () => {
    expect(bodyFraming(head(200, { "content-length": "42" }))).toEqual({ kind: "length", bytes: 42 });
    expect(bodyFraming(head(200, { "content-length": "42, 42" }))).toEqual({ kind: "length", bytes: 42 });
    expect(() => bodyFraming(head(200, { "content-length": "42, 43" }))).toThrow(MalformedResponseError);
    expect(() => bodyFraming(head(200, { "content-length": "-1" }))).toThrow(MalformedResponseError);
  });

  it("reads until the connection closes when neither is given", () => {
    expect(bodyFraming(head(200))).toEqual({ kind: "close" });
  });
});

function decodeInPieces(wire: Buffer, pieceBytes: number): { body: string; done: boolean } {
  const decoder = new ChunkedDecoder();
  let body = "";
  for (let i = 0; i < wire.length; i += pieceBytes) {
    const end = Math.min(wire.length, i + pieceBytes);
    decoder.push(wire, i, end, (from, to) => {
      expect(from).toBeGreaterThanOrEqual(i);
      expect(to).toBeLessThanOrEqual(end);
      body += wire.toString("latin1", from, to);
    });
  }
  return { body, done: decoder.done };
}

describe("ChunkedDecoder", () => {
  const wire = Buffer.from("5;ext=1\r\nhello\r\n1A \r\n abcdefghijklmnopqrstuvwxy\r\n0\r\nX-Trailer: t\r\n\r\nIGNORED");

  it("decodes chunks with extensions and a trailer, however the input is split", () => {
    for (const piece of [1, 2, 3, 7, 16, wire.length]) {
      expect(decodeInPieces(wire, piece), `pieces of ${piece}`).toEqual({ body: "hello abcdefghijklmnopqrstuvwxy", done: true });
    }
  });

  it("is not done before the last chunk and the blank line after the trailer", () => {
    const upToTrailer = wire.subarray(0, wire.indexOf("X-Trailer"));
    expect(decodeInPieces(upToTrailer, 4).done).toBe(false);
  });

  it("rejects malformed framing", () => {
    const bad = ["zz\r\nhello\r\n0\r\n\r\n", "5\r\nhelloXX0\r\n\r\n", "5\nhello\r\n0\r\n\r\n", "fffffffffffffff\r\n"];
    for (const text of bad) expect(() => decodeInPieces(Buffer.from(text), 3), text).toThrow(MalformedResponseError);
  });
});
