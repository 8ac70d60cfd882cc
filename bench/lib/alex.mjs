// The same generated texts through alex (npm `alex`, the retext-based inclusive-language linter)
// in this Node process, for a reference: alex's `text()` API with its default settings, which
// parses the text and runs its rules, as its command line does for a plain-text file.
import { text as alexText } from "alex";
import { summary } from "./stats.mjs";

/** One warm-up check per text, then `runsFor(words)` timed checks. */
export function alexTimes(texts, runsFor) {
  const out = {};
  for (const [name, value] of Object.entries(texts)) {
    let started = performance.now();
    const findings = alexText(value).messages.length;
    const first = performance.now() - started;
    const times = [];
    for (let i = 0; i < runsFor(name); i++) {
      started = performance.now();
      alexText(value);
      times.push(performance.now() - started);
    }
    out[name] = { findings, first, ms: summary(times) };
  }
  return out;
}
