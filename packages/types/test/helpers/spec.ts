import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { specPath } from "./paths.js";

export interface MediaType {
  schema?: { $ref?: string };
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
export interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { $ref?: string; content?: Record<string, MediaType> }>;
}
export type HttpMethod = "get" | "post" | "put" | "delete" | "patch";
export const httpMethods: readonly HttpMethod[] = ["get", "post", "put", "delete", "patch"];

export interface OpenApiDoc {
  paths: Record<string, Partial<Record<HttpMethod, Operation>>>;
  components: { schemas: Record<string, unknown> };
}

export const spec = parse(readFileSync(specPath, "utf8")) as OpenApiDoc;

export interface SpecOperation {
  readonly method: string;
  readonly path: string;
  readonly operation: Operation;
}

export function operations(): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of httpMethods) {
      const operation = item[method];
      if (operation) out.push({ method: method.toUpperCase(), path, operation });
    }
  }
  return out;
}

/** `/a/{x}/b` → regex matching a concrete path. `{checkpoint_id}` spans two segments (`weights/<name>`). */
export function pathMatcher(template: string): RegExp {
  const body = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (part === "{checkpoint_id}") return "(?:weights|sampler_weights|external_weights)/[^/]+";
      if (part.startsWith("{")) return "[^/]+";
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${body}$`);
}

export function findOperation(method: string, concretePath: string): SpecOperation | undefined {
  const candidates = operations().filter((op) => op.method === method && pathMatcher(op.path).test(concretePath));
  // Prefer literal segments over templates (e.g. /sessions/search over /sessions/{session_id}).
  return candidates.sort((a, b) => b.path.split("{").length - a.path.split("{").length).pop();
}

/** The component schema a JSON media type refers to, by name (`#/components/schemas/<Name>` → `<Name>`). */
export function schemaNameOf(media: MediaType | undefined): string | undefined {
  return media?.schema?.$ref?.replace("#/components/schemas/", "");
}

export function requestSchemaName(operation: Operation): string | undefined {
  return schemaNameOf(operation.requestBody?.content["application/json"]);
}
