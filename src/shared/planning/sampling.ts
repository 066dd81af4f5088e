/**
 * Random draws for the planning model's Monte Carlo runs, from a seeded uniform generator
 * (`mulberry32` in shared/random.ts), so that the same seed gives the same forecast.
 */

/** A uniform generator in [0, 1). */
export type Uniform = () => number;

/** A standard normal draw (Box–Muller). */
export function normal(u: Uniform): number {
  const a = 1 - u(); // (0, 1]: the logarithm stays finite
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

/** A gamma draw with the given shape and rate 1 (Marsaglia and Tsang; shape < 1 by boosting). */
export function gamma(u: Uniform, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma: the shape must be positive (was ${shape})`);
  if (shape < 1) return gamma(u, shape + 1) * (1 - u()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (w < 1 - 0.0331 * x ** 4 || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A draw of probabilities from a Dirichlet distribution with the given weights (all > 0). */
export function dirichlet(u: Uniform, weights: readonly number[]): number[] {
  const draws = weights.map((w) => gamma(u, w));
  const sum = draws.reduce((a, b) => a + b, 0);
  return draws.map((d) => d / sum);
}

/** A beta draw. */
export function beta(u: Uniform, a: number, b: number): number {
  const x = gamma(u, a);
  return x / (x + gamma(u, b));
}

/** Above this mean a Poisson or binomial draw uses the normal approximation (rounded, clamped). */
const EXACT_BELOW = 30;

/** A Poisson draw with the given mean. */
export function poisson(u: Uniform, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean >= EXACT_BELOW) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(u)));
  // Knuth's multiplication method: exact, and quick for small means.
  const limit = Math.exp(-mean);
  let k = 0;
  let p = u();
  while (p > limit) {
    k++;
    p *= u();
  }
  return k;
}

/** A binomial draw: successes among `n` trials of probability `p`. */
export function binomial(u: Uniform, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(u, n, 1 - p);
  const mean = n * p;
  if (mean >= EXACT_BELOW) {
    const draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(u));
    return Math.min(n, Math.max(0, draw));
  }
  // Inversion: walk the distribution from 0 successes up to the uniform draw, each step's chance
  // from the one before (about n·p multiplications, exact); one uniform and no logarithm per step,
  // where waiting times between successes took one of each (the forecast's largest cost).
  const target = u();
  const ratio = p / (1 - p);
  let chance = Math.exp(n * Math.log1p(-p));
  let cumulative = chance;
  let k = 0;
  while (cumulative < target && k < n && chance > 0) {
    chance *= ((n - k) / (k + 1)) * ratio;
    k++;
    cumulative += chance;
  }
  return k;
}

/**
 * Splits `n` people among destinations with the given probabilities (they sum to 1): a multinomial
 * draw by successive binomials. The parts always sum to `n`.
 */
export function multinomial(u: Uniform, n: number, probabilities: readonly number[]): number[] {
  const parts = new Array<number>(probabilities.length).fill(0);
  let last = probabilities.length - 1;
  while (last >= 0 && !((probabilities[last] ?? 0) > 0)) last--;
  if (last < 0) throw new RangeError('multinomial: no destination has a positive probability');
  let left = n;
  let mass = 1;
  for (let i = 0; i < last && left > 0; i++) {
    const p = probabilities[i] ?? 0;
    if (!(p > 0)) continue;
    const k = binomial(u, left, Math.min(1, p / mass));
    parts[i] = k;
    left -= k;
    mass -= p;
  }
  parts[last] = (parts[last] ?? 0) + left;
  return parts;
}
