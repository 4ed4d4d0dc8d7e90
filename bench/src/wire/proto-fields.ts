/**
 * Rewrites top-level `string model_id = 1` and `int32 seq_id = 2` of an encoded protobuf message
 * (ForwardBackwardRequest) and copies every other field's bytes unchanged, so a raw loop can
 * replay a client's forward_backward body under its own model and sequence number.
 */

function readVarint(buf: Uint8Array, pos: number): [value: number, next: number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    if (byte === undefined) throw new RangeError("truncated varint");
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

function writeVarint(value: number, out: number[]): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

export interface ProtoHead {
  modelId: string;
  seqId: number;
}

/** Splits a message into (fields 1, 2) and the raw bytes of every other field, in order. */
export function splitHead(body: Uint8Array): { head: Partial<ProtoHead>; rest: Uint8Array[] } {
  const head: Partial<ProtoHead> = {};
  const rest: Uint8Array[] = [];
  let pos = 0;
  while (pos < body.length) {
    const start = pos;
    const [tag, afterTag] = readVarint(body, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    let end: number;
    let payloadStart = afterTag;
    if (wire === 0) {
      const [value, next] = readVarint(body, afterTag);
      end = next;
      if (field === 2) head.seqId = value;
    } else if (wire === 2) {
      const [len, next] = readVarint(body, afterTag);
      payloadStart = next;
      end = next + len;
      if (field === 1) head.modelId = Buffer.from(body.subarray(payloadStart, end)).toString("utf8");
    } else if (wire === 1) {
      end = afterTag + 8;
    } else if (wire === 5) {
      end = afterTag + 4;
    } else {
      throw new RangeError(`unsupported protobuf wire type ${wire}`);
    }
    if (end > body.length) throw new RangeError("truncated protobuf field");
    if (field !== 1 && field !== 2) rest.push(body.subarray(start, end));
    pos = end;
  }
  return { head, rest };
}

/** Re-encodes fields 1 and 2 (in field order, as protobuf encoders do) before the untouched rest. */
export function withHead(rest: readonly Uint8Array[], head: ProtoHead): Buffer {
  const prefix: number[] = [];
  const id = Buffer.from(head.modelId, "utf8");
  if (id.length > 0) {
    prefix.push(0x0a);
    writeVarint(id.length, prefix);
  }
  const idPart = id.length > 0 ? [Buffer.from(prefix), id] : [];
  const seqPart: number[] = [];
  if (head.seqId !== 0) {
    seqPart.push(0x10);
    writeVarint(head.seqId, seqPart);
  }
  return Buffer.concat([...idPart, Buffer.from(seqPart), ...rest]);
}
