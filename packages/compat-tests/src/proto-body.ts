/**
 * Protobuf request bodies, decoded with the spec's schema ("@tinker-ts/types/proto") into plain
 * values that diff by field name. Fields the schema does not know are kept as `$unknown[<number>]`
 * entries, so a field Python sends that the spec lacks (or the reverse) still shows up as a difference.
 */
import { fromBinary, type DescMessage } from "@bufbuild/protobuf";
import { ForwardBackwardRequestSchema } from "@tinker-ts/types/proto";

/** Which message each binary endpoint's request body is. */
const REQUEST_SCHEMAS: Readonly<Record<string, DescMessage>> = {
  "/api/v1/forward_backward": ForwardBackwardRequestSchema,
};

export function requestSchemaFor(path: string): DescMessage | undefined {
  return REQUEST_SCHEMAS[path];
}

export function decodeProto(schema: DescMessage, bytes: Uint8Array): unknown {
  return comparable(fromBinary(schema, bytes));
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/** Turns a decoded protobuf-es message tree into JSON-like values (bytes → base64, int64 → string). */
export function comparable(value: unknown): unknown {
  if (value instanceof Uint8Array) return `bytes:${base64(value)}`;
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(comparable);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === "$typeName") continue;
      if (key === "$unknown") {
        for (const u of v as ReadonlyArray<{ no: number; wireType: number; data: Uint8Array }>) {
          const name = `$unknown[${u.no}]`;
          const prev = out[name];
          out[name] = prev === undefined ? `bytes:${base64(u.data)}` : `${String(prev)}+${base64(u.data)}`;
        }
        continue;
      }
      out[key] = comparable(v);
    }
    return out;
  }
  return value;
}
