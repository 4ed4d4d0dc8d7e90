/**
 * The package entry under Node (export condition "node"): the public API of `../index.js`, with
 * the `node:http` keep-alive transport installed as the default (an injected `fetch` or
 * `transport` option still wins). Browsers and other runtimes get `../index.js` and fetch.
 */
import { setDefaultTransport } from "../core/default-transport.js";
import { createNodeTransport } from "./node.js";

setDefaultTransport(() => createNodeTransport());

export * from "../index.js";
