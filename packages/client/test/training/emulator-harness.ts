// Test harness: a real emulator on 127.0.0.1 and a ServiceClient whose injected fetch records every
// request (in the order they are sent) before passing it on over the socket.
import { fromBinary } from "@bufbuild/protobuf";
import { startEmulator, type Emulator, type FaultRule } from "@tinker-ts/emulator";
import { ForwardBackwardRequestSchema } from "@tinker-ts/types/proto";
import { zstdDecompress } from "../../src/proto/zstd.js";
import { ServiceClient } from "../../src/service/service-client.js";

export interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The body as text (JSON requests). */
  text: string;
  /** The raw body bytes as sent. */
  bytes: Uint8Array;
}

export interface Harness {
  emulator: Emulator;
  service: ServiceClient;
  sent: SentRequest[];
  /** Requests to `path` (e.g. "/api/v1/save_weights"). */
  to(path: string): SentRequest[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  clientConfig?: Record<string, unknown>;
  /** Random delay (ms, up to) before each request is forwarded: shakes out ordering bugs. */
  jitterMs?: number;
  dataDir?: string;
  faults?: FaultRule[];
  /** Per-request fault (the emulator's X-Emulator-Fault header syntax), chosen by the request's headers. */
  faultFor?: (headers: Record<string, string>, path: string) => string | undefined;
  /** Rewrites a JSON response before the client sees it (e.g. to turn on a dynamic-config flag). */
  rewriteJson?: (path: string, body: Record<string, unknown>) => Record<string, unknown>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({
    port: 0,
    clientConfig: options.clientConfig ?? {},
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const sent: SentRequest[] = [];
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const observingFetch = async (request: Request): Promise<Response> => {
    const bytes = new Uint8Array(await request.clone().arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    sent.push({ method: request.method, path: new URL(request.url).pathname, headers, text: new TextDecoder().decode(bytes), bytes });
    if (options.jitterMs) await new Promise((r) => setTimeout(r, random() * (options.jitterMs as number)));
    const path = new URL(request.url).pathname;
    const fault = options.faultFor?.(headers, path);
    let forwarded = request;
    if (fault !== undefined) {
      const withFault = new Headers(request.headers);
      withFault.set("X-Emulator-Fault", fault);
      forwarded = new Request(request, { headers: withFault });
    }
    const response = await fetch(forwarded);
    if (!options.rewriteJson || !response.ok || !response.headers.get("content-type")?.includes("json")) return response;
    const body = options.rewriteJson(path, (await response.json()) as Record<string, unknown>);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
  const service = new ServiceClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, fetch: observingFetch, logLevel: "off" });
  return {
    emulator,
    service,
    sent,
    to: (path) => sent.filter((r) => r.path === path),
    close: async () => {
      await service.close();
      await emulator.close();
    },
  };
}

/** seq_id (and chunk size) of a recorded forward_backward submit, decompressing when needed. */
export async function decodeFwdBwd(req: SentRequest) {
  const body = req.headers["content-encoding"] === "zstd" ? await zstdDecompress(req.bytes) : req.bytes;
  return fromBinary(ForwardBackwardRequestSchema, body);
}

/** The wire seq_id of any sequenced training submit, in send order. */
export async function seqIdOf(req: SentRequest): Promise<number> {
  if (req.path === "/api/v1/forward_backward") return (await decodeFwdBwd(req)).seqId;
  return (JSON.parse(req.text) as { seq_id: number }).seq_id;
}

export const BASE_MODEL = "Qwen/Qwen3-8B";
