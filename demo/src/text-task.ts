/**
 * The demo's learning task: next-byte prediction on one short line of text, repeated. Every byte of
 * the line has exactly one successor, so even the emulator's bigram model can learn it perfectly and
 * the samples show plainly whether it did.
 */
export const trainingLine = "lora fits!\n";

const encoder = new TextEncoder();

/** Byte-level tokenizer: one token per UTF-8 byte. */
export function encode(text: string): number[] {
  return [...encoder.encode(text)];
}

export interface TextExample {
  /** Input tokens: the window without its last byte. */
  readonly input: number[];
  /** Targets: the window shifted by one byte. */
  readonly targets: number[];
}

/**
 * The examples of one training step: `batchSize` windows of `windowBytes` + 1 bytes cut from the
 * repeated line, at offsets that move with the step so every position is seen.
 */
export function examplesForStep(step: number, batchSize = 4, windowBytes = 24): TextExample[] {
  const stream = encode(trainingLine.repeat(Math.ceil((windowBytes + 1) / trainingLine.length) + 2));
  const examples: TextExample[] = [];
  for (let i = 0; i < batchSize; i++) {
    const offset = (step * 3 + i * 5) % trainingLine.length;
    const window = stream.slice(offset, offset + windowBytes + 1);
    examples.push({ input: window.slice(0, -1), targets: window.slice(1) });
  }
  return examples;
}

/** The byte that follows each byte of the training line. */
const successor = (() => {
  const bytes = encode(trainingLine);
  const next = new Map<number, number>();
  bytes.forEach((b, i) => next.set(b, bytes[(i + 1) % bytes.length] as number));
  return next;
})();

/**
 * Share of adjacent byte pairs in `tokens` that follow the training line (after `prev`, the byte
 * before the first token). 1 means every byte is the one the line has next.
 */
export function followsTrainingLine(prev: number, tokens: readonly number[]): number {
  if (tokens.length === 0) return 0;
  let good = 0;
  let last = prev;
  for (const token of tokens) {
    if (successor.get(last) === token) good++;
    last = token;
  }
  return good / tokens.length;
}

/** A string shown on one line, quoted, with newlines and other control characters escaped. */
export function printable(text: string): string {
  return JSON.stringify(text);
}

/** Sampled bytes shown on one line, quoted: printable ASCII as is, every other byte escaped. */
export function printableBytes(tokens: readonly number[]): string {
  let out = "";
  for (const token of tokens) {
    const byte = token & 0xff;
    if (byte === 0x0a) out += "\\n";
    else if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, "0")}`;
  }
  return `"${out}"`;
}
