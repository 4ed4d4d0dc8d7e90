/** What every handler shares. */
import { componentSchemas } from "@tinker-ts/types/schemas";
import type { Authenticator } from "../server/auth.js";
import type { World } from "../state/world.js";

export interface HandlerContext {
  readonly world: World;
  readonly auth: Authenticator;
  /** The resolved ClientConfigResponse flags. */
  readonly clientConfig: Readonly<Record<string, unknown>>;
  readonly skipModel: boolean;
  readonly longPollMs: number;
  readonly inlinePayloadLimitBytes: number;
  readonly archiveResponse: "redirect" | "json";
  readonly archivePaddingBytes: number;
  /** The server's base URL (known once listening). */
  baseUrl(): string;
}

/** The `default` of each property of a spec schema that has one, in the spec's order. */
function specDefaults(schema: { readonly properties: Readonly<Record<string, object>> }): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    if ("default" in property) defaults[name] = property.default;
  }
  return defaults;
}

/**
 * The ClientConfigResponse flags the emulator serves: the spec's defaults (which are the Python
 * SDK's). create_model_via_load_weights is not served by default: tinker 0.38.0 dropped the flag and
 * always creates from a checkpoint with one session-addressed load_weights. Set it (true or false)
 * through the clientConfig option to exercise a server that still sends it; false selects the legacy
 * weights_info → create_model → load_weights flow in tinker-ts.
 */
export const DEFAULT_CLIENT_CONFIG: Readonly<Record<string, unknown>> = specDefaults(componentSchemas.ClientConfigResponse);

export const SUPPORTED_MODELS = [
  { model_name: "Qwen/Qwen3-8B", max_context_length: 32768 },
  { model_name: "Qwen/Qwen3-30B-A3B", max_context_length: 32768 },
  { model_name: "meta-llama/Llama-3.2-1B", max_context_length: 131072 },
  { model_name: "meta-llama/Llama-3.1-8B", max_context_length: 131072 },
  { model_name: "emulator/tiny-bigram", max_context_length: 4096 },
];
