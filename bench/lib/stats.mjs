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
