// Generated from spec/openapi.yaml (sha256 1f94b2f45d998f14) by packages/types/scripts/generate.mjs. Do not edit: change the spec and run `pnpm generate`.
/** The spec's component schemas (JSON Schema 2020-12); `$ref`s point at "#/components/schemas/<Name>". */
export const componentSchemas = {
  "HealthResponse": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string"
      }
    },
    "required": [
      "status"
    ]
  }
} as const;

export type ComponentSchemaName = keyof typeof componentSchemas;
