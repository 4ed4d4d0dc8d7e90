/**
 * Compile-time view of the generated OpenAPI `paths` (from `@tinker-ts/types`): which paths
 * accept which method, the JSON body, path/query parameters and the JSON success body. Used by
 * `HttpEngine.call` so a wrong path, method or body fails to compile. (Same idea as
 * openapi-fetch's types; the runtime is our own transport, see transport/types.ts.)
 */
import type { HttpMethod } from "../transport/types.js";

type OperationOf<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P] extends Record<Lowercase<M>, infer Op>
  ? Op
  : Paths[P] extends Partial<Record<Lowercase<M>, infer Op>>
    ? Exclude<Op, undefined>
    : never;

export type Operation<Paths, P extends keyof Paths, M extends HttpMethod> = OperationOf<Paths, P, M>;

/** Paths that define method M. */
export type PathsWithMethod<Paths, M extends HttpMethod> = {
  [P in keyof Paths]: [OperationOf<Paths, P, M>] extends [never] ? never : OperationOf<Paths, P, M> extends { responses: unknown } ? P : never;
}[keyof Paths];

type JsonContent<T> = T extends { content: { "application/json": infer B } } ? B : never;

/** `{ body }` typed from the operation's JSON request body (required when the spec says so). */
export type BodyInit<Op> = Op extends { requestBody: infer RB }
  ? [JsonContent<RB>] extends [never]
    ? { readonly body?: never }
    : { readonly body: JsonContent<RB> }
  : Op extends { requestBody?: infer RB }
    ? [JsonContent<Exclude<RB, undefined>>] extends [never]
      ? { readonly body?: never }
      : { readonly body?: JsonContent<Exclude<RB, undefined>> }
    : { readonly body?: never };

type ParamsOf<Op, Where extends "path" | "query"> = Op extends { parameters: { [K in Where]?: infer X } } ? Exclude<X, undefined> : never;

export type ParamsInit<Op> = ([ParamsOf<Op, "path">] extends [never] ? { readonly path?: never } : { readonly path: ParamsOf<Op, "path"> }) &
  ([ParamsOf<Op, "query">] extends [never] ? { readonly query?: never } : { readonly query?: ParamsOf<Op, "query"> });

/** Everything `HttpEngine.call` takes for one operation. */
export type OperationInit<Op> = BodyInit<Op> & {
  readonly params?: ParamsInit<Op>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly accept?: string;
  readonly redirect?: "follow" | "manual";
};

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | "2XX";

/** JSON body of the operation's 2xx responses (undefined for bodiless ones). */
export type SuccessJson<Op> = Op extends { responses: infer R }
  ? {
      [S in keyof R]: S extends SuccessStatus ? (R[S] extends { content: { "application/json": infer J } } ? J : R[S] extends { content?: never } ? undefined : unknown) : never;
    }[keyof R]
  : unknown;
