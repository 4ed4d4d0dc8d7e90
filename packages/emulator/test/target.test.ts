// The request-target fast path must give the router exactly what the URL parser gives.
import { describe, expect, it } from "vitest";
import { RequestTarget } from "../src/server/target.js";

const TARGETS = [
  "/",
  "/api/v1/retrieve_future",
  "/api/v1/checkpoints?limit=2&offset=1",
  "/api/v1/x?a=%20b&c=d+e&c=f",
  "/api/v1/training_runs/sess-1%3Atrain%3A0/checkpoints/weights/x%2Fy",
  "/a/../b",
  "/a/%2e%2e/b",
  "/a/%2E/b",
  "/a/./b",
  "/a/.hidden",
  "/a\\b",
  "/a/é",
  "/a/{x}",
  "/a/'q'",
  "/a/b?x=1#frag",
  "//host/y",
  "/a//b",
  "/a/%zz",
  "/a|b",
  "/a?",
  "/a?b=c?d",
];

describe("RequestTarget", () => {
  it.each(TARGETS)("%s: same path and query as new URL()", (target) => {
    const url = new URL(target, "http://emulator");
    const parsed = new RequestTarget(target);
    expect(parsed.path).toBe(url.pathname);
    expect([...parsed.query]).toEqual([...url.searchParams]);
  });
});
