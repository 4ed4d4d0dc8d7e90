import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { ClientBundle } from "./bundle.js";

export interface PageServer {
  /** Origin of the page, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  close(): Promise<void>;
}

const scenarioFile = join(import.meta.dirname, "..", "browser", "scenario.js");

// The page loads the bundle and the scenario as ES modules and exposes `runScenario(config)`.
const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>tinker-ts browser test</title>
<script type="module">
  import * as tinker from "/bundle/entry.js";
  import { run } from "/scenario.js";
  window.runScenario = (config) => run(tinker, config);
  document.body.dataset.ready = "true";
</script></head>
<body></body></html>`;

/** Serves the test page, the client bundle (under /bundle/) and the browser-side scenario on 127.0.0.1. */
export async function startPageServer(options: { bundle: ClientBundle }): Promise<PageServer> {
  const scenario = await readFile(scenarioFile, "utf8");
  const javascript = "text/javascript; charset=utf-8";
  const files: Record<string, [string, string]> = {
    "/": ["text/html; charset=utf-8", page],
    "/scenario.js": [javascript, scenario],
  };
  for (const file of options.bundle.files) files[`/bundle/${file.name}`] = [javascript, file.code];
  const server = createServer((request, response) => {
    const file = files[request.url ?? "/"];
    if (request.url === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": file[0], "cache-control": "no-store" });
    response.end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
