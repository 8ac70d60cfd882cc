// Small statistics for `make bench`: medians, percentiles and spreads, and number formatting.

/** The value at percentile p (0-100) of the samples, by the nearest-rank method. */
export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Median, min, max and the number of runs of a list of samples (null when there are none). */
export function summary(samples) {
  if (!samples || samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length, samples };
}

/** Milliseconds, to a sensible precision: 0.042 ms, 1.37 ms, 12.4 ms, 1,234 ms. */
export function ms(value) {
  if (value === null || value === undefined) return "-";
  const size = Math.abs(value);
  if (size === 0) return "0 ms";
  if (size < 0.1) return `${value.toPrecision(2)} ms`;
  if (size < 10) return `${value.toFixed(2)} ms`;
  if (size < 1000) return `${value.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString("en-GB")} ms`;
}

/** Bytes as "574,012 B (560.6 KiB)". */
export function bytes(value) {
  if (value === null || value === undefined) return "-";
  const kib = value / 1024;
  return `${value.toLocaleString("en-GB")} B` + (value >= 1024 ? ` (${kib.toFixed(1)} KiB)` : "");
}

/** a / b, or null when either is missing or zero (too quick for the clock: no honest ratio). */
export function ratio(a, b) {
  if (a === null || b === null || a === undefined || b === undefined || a === 0 || b === 0) return null;
  return a / b;
}

/** A ratio as "2.31x" or "252x". */
export function times(r) {
  if (r === null || r === undefined) return "-";
  return r >= 100 ? `${Math.round(r).toLocaleString("en-GB")}x` : `${r.toFixed(2)}x`;
}

/** A spread "min-max" of a summary, in milliseconds. */
export function spread(s) {
  if (!s) return "-";
  return `${ms(s.min)} - ${ms(s.max)}`;
}

/** A small seeded random number generator (mulberry32): the bench's intervals come out the same each run. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How far one run's figure can be trusted: a bootstrap interval over rounds.
 *
 * `series` are sample lists taken in turn (index i of each came from round i, see startups() in
 * startup.mjs), and `statistic` turns them into one figure (say, the app's median over the
 * counter's). The rounds are drawn again with replacement `draws` times, keeping each round's
 * samples together so that whatever slowed the machine in that round slows all of them alike,
 * and the figure is worked out on each draw. Returns the middle `level` of those figures as
 * [low, high], or null with fewer than five rounds.
 */
export function roundsInterval(series, statistic, { level = 0.9, draws = 4000, seed = 15 } = {}) {
  const rounds = Math.min(...series.map((s) => s.length));
  if (!(rounds >= 5)) return null;
  const random = seededRandom(seed);
  const figures = [];
  for (let d = 0; d < draws; d++) {
    const picks = Array.from({ length: rounds }, () => Math.floor(random() * rounds));
    figures.push(statistic(...series.map((s) => picks.map((i) => s[i]))));
  }
  const tail = ((1 - level) / 2) * 100;
  return [percentile(figures, tail), percentile(figures, 100 - tail)];
}

/** The median of a list of numbers (null when empty). */
export function median(samples) {
  return summary(samples)?.median ?? null;
}
