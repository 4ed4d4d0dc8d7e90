export { main, buildProgram, redactor, type MainOptions } from "./program.js";
export { CliError } from "./errors.js";
