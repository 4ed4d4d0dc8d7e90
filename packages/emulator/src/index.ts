export { startEmulator, DEFAULT_API_KEY, type Emulator, type EmulatorOptions } from "./emulator.js";
export { parseFault, type FaultRule } from "./server/faults.js";
export type { RecordedExchange, RecordedBody } from "./server/recorder.js";
export { VOCAB_SIZE } from "./model/lm.js";
