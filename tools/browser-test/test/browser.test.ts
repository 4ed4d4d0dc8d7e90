import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@tinker-ts/emulator";
import { bundleClient, formatKiB, type ClientBundle } from "../src/bundle.js";
import { chromiumAvailable, chromiumPath, launchChromium, type HeadlessChromium } from "../src/chromium.js";
import { startPageServer, type PageServer } from "../src/page-server.js";

const inCi = process.env["CI"] === "true";
const haveChromium = chromiumAvailable();
if (!haveChromium && !inCi) {
  console.warn(
    `browser test skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH). ` +
      "In CI (CI=true) it runs, and a missing Chromium fails it.",
  );
}

interface ScenarioResult {
  loss: number | null;
  sampleLengths: number[];
  savedPath: string;
  checkpointPaths: string[];
  userAgent: string;
}

// One bundle for every test: the checks on its contents and the page served to Chromium.
let bundle: ClientBundle;
beforeAll(async () => {
  bundle = await bundleClient();
});

describe("browser bundle of @tinker-ts/client", () => {
  it("bundles for platform=browser with no Node-only import, and reports its size", () => {
    expect(bundle.exports).toEqual(expect.arrayContaining(["ServiceClient", "ModelInput", "RestClient"]));
    for (const file of bundle.files) {
      expect(/["']node:/.test(file.code), `${file.name} mentions a node: module`).toBe(false);
    }
    expect(bundle.eager.gzippedBytes).toBeGreaterThan(0);
    console.log(
      `client bundle: ${formatKiB(bundle.eager.minifiedBytes)} minified / ${formatKiB(bundle.eager.gzippedBytes)} min+gzip up front, ` +
        `${formatKiB(bundle.lazy.minifiedBytes)} / ${formatKiB(bundle.lazy.gzippedBytes)} on demand`,
    );
  });
});

describe.skipIf(!haveChromium && !inCi)("@tinker-ts/client in headless Chromium against the emulator", () => {
  let emulator: Emulator;
  let compressingEmulator: Emulator;
  let pages: PageServer;
  let browser: HeadlessChromium;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI=true but no Chromium at ${chromiumPath}: scripts/run test installs it`);
    // The page and the API are on different ports, so different origins: real CORS preflights.
    emulator = await startEmulator({ port: 0, cors: true });
    // This one asks clients to zstd-compress forward/backward bodies: the wasm chunk loads on demand.
    compressingEmulator = await startEmulator({ port: 0, cors: true, clientConfig: { proto_compress_fwdbwd: true } });
    pages = await startPageServer({ bundle });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await emulator?.close();
    await compressingEmulator?.close();
  });

  /** Runs browser/scenario.js in a fresh page against `server` and checks what it reports. */
  async function runScenarioAgainst(server: Emulator): Promise<void> {
    const page = await browser.context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    const loaded: string[] = [];
    page.on("request", (request) => loaded.push(new URL(request.url()).pathname));
    await page.goto(`${pages.url}/`);
    await page.waitForSelector("body[data-ready=true]", { state: "attached" });
    const config = { apiKey: server.apiKey, baseUrl: server.url, baseModel: "Qwen/Qwen3-8B" };
    // A string, so that nothing of the test runner's transforms ends up in the page.
    const result = (await page.evaluate(`window.runScenario(${JSON.stringify(config)})`)) as ScenarioResult;

    expect(result.userAgent).toContain("HeadlessChrome");
    expect(result.loss).toBeGreaterThan(0);
    expect(result.sampleLengths).toHaveLength(2);
    for (const length of result.sampleLengths) expect(length).toBeGreaterThan(0);
    expect(result.savedPath).toMatch(/^tinker:\/\/.+\/weights\/browser-step-1$/);
    expect(result.checkpointPaths).toContain(result.savedPath);
    expect(consoleErrors).toEqual([]);
    const lazyChunks = bundle.files.filter((f) => f.lazy).map((f) => `/bundle/${f.name}`);
    const compressing = server === compressingEmulator;
    for (const chunk of lazyChunks) expect(loaded.includes(chunk), `${chunk} loaded`).toBe(compressing);
    await page.close();
  }

  it("trains a step, saves sampler weights, samples and lists checkpoints from a page on another origin", async () => {
    await runScenarioAgainst(emulator);
  });

  it("does the same with zstd-compressed forward/backward bodies (the wasm chunk loads on demand)", async () => {
    await runScenarioAgainst(compressingEmulator);
  });
});
