/**
 * Image chunks have no pixels model here: an image stands for `expected_tokens` placeholder tokens,
 * drawn from the upper half of the vocabulary and fixed by the image's content (or location).
 */
import { VOCAB_SIZE } from "./lm.js";
import { hashString } from "./rng.js";

export function imagePlaceholderTokens(expectedTokens: number, identity: string): number[] {
  const h = hashString(identity);
  const half = VOCAB_SIZE / 2;
  return Array.from({ length: expectedTokens }, (_, k) => half + ((h + k * 2654435761) >>> 0) % half);
}
