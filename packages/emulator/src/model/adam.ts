/** Adam with decoupled weight decay and global-norm gradient clipping, over flat float64 arrays. */

export interface AdamHyperParams {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  /** 0 = no clipping. */
  readonly gradClipNorm: number;
}

export interface AdamState {
  step: number;
  readonly m: Float64Array;
  readonly v: Float64Array;
}

export function newAdamState(size: number): AdamState {
  return { step: 0, m: new Float64Array(size), v: new Float64Array(size) };
}

export interface AdamStepResult {
  readonly gradNorm: number;
  readonly clipped: boolean;
}

/** Applies one step in place (params, state) and leaves `grad` untouched. */
export function adamStep(params: Float64Array, grad: Float64Array, state: AdamState, hp: AdamHyperParams): AdamStepResult {
  let sq = 0;
  for (let i = 0; i < grad.length; i++) sq += grad[i]! * grad[i]!;
  const gradNorm = Math.sqrt(sq);
  const clipped = hp.gradClipNorm > 0 && gradNorm > hp.gradClipNorm;
  const scale = clipped ? hp.gradClipNorm / gradNorm : 1;
  state.step += 1;
  const bc1 = 1 - Math.pow(hp.beta1, state.step);
  const bc2 = 1 - Math.pow(hp.beta2, state.step);
  const { m, v } = state;
  for (let i = 0; i < params.length; i++) {
    const g = grad[i]! * scale;
    m[i] = hp.beta1 * m[i]! + (1 - hp.beta1) * g;
    v[i] = hp.beta2 * v[i]! + (1 - hp.beta2) * g * g;
    const mHat = m[i]! / bc1;
    const vHat = v[i]! / bc2;
    let p = params[i]!;
    if (hp.weightDecay !== 0) p -= hp.learningRate * hp.weightDecay * p;
    params[i] = p - (hp.learningRate * mHat) / (Math.sqrt(vHat) + hp.eps);
  }
  return { gradNorm, clipped };
}
