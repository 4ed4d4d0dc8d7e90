/** The synthetic training batch every driver builds the same way (Python: python/worker.py `_datums`). */

export interface BatchShape {
  batch: number;
  seqLen: number;
  vocab: number;
}

export interface RawRow {
  tokens: number[];
  target: number[];
  weights: number[];
}

export function rawRows({ batch, seqLen, vocab }: BatchShape): RawRow[] {
  const rows: RawRow[] = [];
  for (let b = 0; b < batch; b++) {
    const tokens = new Array<number>(seqLen);
    for (let j = 0; j < seqLen; j++) tokens[j] = (b * 7919 + j * 31) % vocab;
    const target = [...tokens.slice(1), tokens[0]!];
    rows.push({ tokens, target, weights: new Array<number>(seqLen).fill(1) });
  }
  return rows;
}
