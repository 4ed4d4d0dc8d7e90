import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface PageServer {
  /** Origin of the page, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  close(): Promise<void>;
}

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>tinker-ts browser test</title></head>
<body><p>tinker-ts browser test</p></body></html>`;

const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "host", "content-encoding"]);

/**
 * Serves a blank page and the client bundle, and (when `apiUrl` is given) forwards every other
 * request to that API server, so the page can call the API from its own origin. 127.0.0.1 only.
 */
export async function startPageServer(options: { bundle: string; apiUrl?: string }): Promise<PageServer> {
  const server = createServer((request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      response.writeHead(502, { "content-type": "text/plain" });
      response.end(`page server: ${String(error)}`);
    });
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

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: { bundle: string; apiUrl?: string },
): Promise<void> {
  const path = request.url ?? "/";
  if (path === "/" || path === "/index.html") {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(page);
    return;
  }
  if (path === "/tinker-client.js") {
    response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
    response.end(options.bundle);
    return;
  }
  if (path === "/favicon.ico" || options.apiUrl === undefined) {
    response.writeHead(404).end();
    return;
  }
  await forward(request, response, options.apiUrl);
}

async function forward(request: IncomingMessage, response: ServerResponse, apiUrl: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || hopByHop.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = request.method ?? "GET";
  const upstream = await fetch(new URL(request.url ?? "/", apiUrl), {
    method,
    headers,
    redirect: "manual",
    ...(method === "GET" || method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
  });
  const body = Buffer.from(await upstream.arrayBuffer());
  const outHeaders: Record<string, string> = {};
  upstream.headers.forEach((value, name) => {
    if (!hopByHop.has(name)) outHeaders[name] = value;
  });
  response.writeHead(upstream.status, outHeaders);
  response.end(body);
}
