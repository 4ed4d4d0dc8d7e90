export { componentSchemas, type ComponentSchemaName } from "./generated/schemas.js";
