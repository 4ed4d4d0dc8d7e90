import { describe, expect, it } from "vitest";
import * as pub from "../../src/index.js";
import { statusErrorClass } from "../../src/core/errors.js";

describe("error classes", () => {
  it("form the documented hierarchy, each with its own name", () => {
    const status = new pub.NotFoundError(404, "m", { requestId: "r" });
    expect(status).toBeInstanceOf(pub.APIStatusError);
    expect(status).toBeInstanceOf(pub.APIError);
    expect(status).toBeInstanceOf(pub.TinkerError);
    expect(status).toMatchObject({ name: "NotFoundError", status: 404, requestId: "r" });
    const deadline = new pub.DeadlineExceededError(10);
    expect(deadline).toBeInstanceOf(pub.APITimeoutError);
    expect(deadline).toBeInstanceOf(pub.APIConnectionError);
    expect(deadline.name).toBe("DeadlineExceededError");
    const abort = new pub.AbortError();
    expect(abort).toBeInstanceOf(pub.TinkerError);
    expect(abort).not.toBeInstanceOf(pub.APIError);
    expect(new pub.RequestFailedError("bad", "rid", "user")).toMatchObject({ name: "RequestFailedError", requestId: "rid", category: "user", serverMessage: "bad" });
    expect(new pub.ValidationError("rank", "must be positive")).toMatchObject({ name: "ValidationError", field: "rank", message: "rank: must be positive" });
  });

  it("maps statuses like the Python SDK, plus 410", () => {
    const table: [number, string][] = [
      [400, "BadRequestError"],
      [401, "AuthenticationError"],
      [402, "BillingError"],
      [403, "PermissionDeniedError"],
      [404, "NotFoundError"],
      [409, "ConflictError"],
      [410, "GoneError"],
      [422, "UnprocessableEntityError"],
      [429, "RateLimitError"],
      [500, "InternalServerError"],
      [503, "InternalServerError"],
      [418, "APIStatusError"],
    ];
    for (const [status, name] of table) expect([status, new (statusErrorClass(status))(status, "m").name]).toEqual([status, name]);
  });

  it("isTinkerError recognises errors by brand, not only by class identity", () => {
    expect(pub.isTinkerError(new pub.RateLimitError(429, "x"))).toBe(true);
    expect(pub.isTinkerError(new Error("x"))).toBe(false);
    expect(pub.isTinkerError(null)).toBe(false);
    // An error from another copy of the package: same brand, different class.
    const foreign = Object.assign(new Error("x"), { [Symbol.for("tinker-ts.TinkerError")]: true });
    expect(pub.isTinkerError(foreign)).toBe(true);
    expect(pub.TinkerError.is(foreign)).toBe(true);
  });
});
