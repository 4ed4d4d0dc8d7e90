import { describe, expect, it } from "vitest";
import { bytesToFloat32, bytesToInt32, bytesToInt64 } from "../../src/proto/little-endian.js";

/** `bytes` placed at `offset` inside a larger buffer (protobuf fields are rarely 4- or 8-aligned). */
function at(offset: number, bytes: Uint8Array): Uint8Array {
  const host = new Uint8Array(offset + bytes.length + 3);
  host.set(bytes, offset);
  return host.subarray(offset, offset + bytes.length);
}

describe("little-endian arrays, aligned or not", () => {
  const floats = [1.5, -2.25, 3.0e-8, 65504];
  const ints = [0, 1, -1, 2147483647, -2147483648];
  const int64s = [0n, 1n, -1n, 4294967296n, -4294967297n, 2n ** 53n + 1n, -(2n ** 62n) - 12345n];
  const floatBytes = new Uint8Array(Float32Array.from(floats).buffer);
  const intBytes = new Uint8Array(Int32Array.from(ints).buffer);
  const int64Bytes = new Uint8Array(BigInt64Array.from(int64s).buffer);

  for (const offset of [0, 1, 2, 4, 5]) {
    it(`reads the same values at byte offset ${offset}`, () => {
      expect(bytesToFloat32(at(offset, floatBytes))).toEqual(Array.from(Float32Array.from(floats)));
      expect(bytesToInt32(at(offset, intBytes))).toEqual(ints);
      // Beyond 2^53 a value is rounded to the nearest double, as Number(bigint) does.
      expect(bytesToInt64(at(offset, int64Bytes))).toEqual(int64s.map(Number));
    });
  }

  it("refuses a length that is not a whole number of items", () => {
    expect(() => bytesToFloat32(new Uint8Array(6))).toThrow(RangeError);
    expect(() => bytesToInt64(at(1, new Uint8Array(12)))).toThrow(RangeError);
  });
});
