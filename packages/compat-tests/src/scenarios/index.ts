/** The TypeScript side of every capture scenario, by fixture name. */
import * as errors from "./errors.js";
import * as rest from "./rest.js";
import type { TsScenario } from "./run.js";
import * as sampling from "./sampling.js";
import * as training from "./training.js";

export { ScenarioRun, REPLAY_API_KEY, toPythonJson, type TsScenario } from "./run.js";

export const TS_SCENARIOS: Readonly<Record<string, TsScenario>> = { ...training, ...rest, ...sampling, ...errors };
