/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares).
 * Deterministic: no random start, no sampling, rows used in the order given; the same rows give the
 * same coefficients to the last bit on any machine running the same Node.js.
 */

export interface LogisticFit {
  intercept: number;
  weights: number[];
  iterations: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Log-odds of a standardised row. */
export function linearPredictor(
  fit: Pick<LogisticFit, 'intercept' | 'weights'>,
  row: readonly number[],
): number {
  let z = fit.intercept;
  for (let j = 0; j < fit.weights.length; j++) z += fit.weights[j]! * row[j]!;
  return z;
}

const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-10;

/**
 * Maximises Σ log-likelihood − penalty/2 · ‖weights‖² (the intercept is not penalised). Rows should be
 * standardised so that one penalty suits every feature. Newton's method converges in a handful of
 * iterations on a convex problem this small (tens of features), each a pass over the rows.
 */
export function fitLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  penalty: number,
): LogisticFit {
  const p = rows[0]?.length ?? 0;
  const size = p + 1; // coefficient 0 is the intercept
  let beta = new Array<number>(size).fill(0);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const gradient = new Array<number>(size).fill(0);
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const x = (j: number) => (j === 0 ? 1 : row[j - 1]!);
      let z = beta[0]!;
      for (let j = 1; j < size; j++) z += beta[j]! * row[j - 1]!;
      const probability = sigmoid(z);
      const residual = labels[i]! - probability;
      const weight = probability * (1 - probability);
      for (let j = 0; j < size; j++) {
        const xj = x(j);
        gradient[j]! += residual * xj;
        const hj = hessian[j]!;
        for (let k = 0; k <= j; k++) hj[k]! += weight * xj * x(k);
      }
    }
    for (let j = 0; j < size; j++) {
      for (let k = 0; k < j; k++) hessian[k]![j] = hessian[j]![k]!;
      if (j > 0) {
        gradient[j]! -= penalty * beta[j]!;
        hessian[j]![j]! += penalty;
      }
    }
    const step = solveSymmetric(hessian, gradient);
    beta = beta.map((value, j) => value + step[j]!);
    if (Math.max(...step.map(Math.abs)) < TOLERANCE) {
      return { intercept: beta[0]!, weights: beta.slice(1), iterations: iteration };
    }
  }
  return { intercept: beta[0]!, weights: beta.slice(1), iterations: MAX_ITERATIONS };
}

/**
 * Solves A·x = b for a symmetric positive-definite A by Cholesky decomposition (the penalised
 * log-likelihood's negative Hessian is one as long as penalty > 0 or the data are not separable).
 */
export function solveSymmetric(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (sum <= 0)
          throw new Error('the model cannot be fitted: its features are collinear or separate the outcomes');
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
    y[i] = sum / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}
