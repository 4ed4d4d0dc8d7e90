/** Replays one fixture against the TypeScript client and lists every problem, one line each. */
import { compareCalls, formatCallDifferences } from "../compare-calls.js";
import { loadFixture } from "../fixture.js";
import { startReplayServer } from "../replay-server.js";
import { TS_SCENARIOS } from "./index.js";
import { ScenarioRun } from "./run.js";

export async function replayFixture(name: string): Promise<string[]> {
  const fixture = loadFixture(name);
  const scenario = TS_SCENARIOS[name];
  if (!scenario) return [`no TypeScript scenario for fixture ${name}`];
  const server = await startReplayServer(fixture.exchanges);
  const run = new ScenarioRun(server.url);
  let thrown = "";
  try {
    await scenario(run);
  } catch (err) {
    thrown = `the scenario threw: ${String(err)}`;
  }
  server.endScenario();
  await run.close();
  await server.close();
  return [thrown, server.report().format(), formatCallDifferences(compareCalls(fixture.calls, run.calls))]
    .filter((s) => s !== "")
    .flatMap((s) => s.split("\n"));
}
