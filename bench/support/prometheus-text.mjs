// The benches' one reader of a service's /metrics (Prometheus text format): series with their
// labels, and the totals of a histogram over the series whose labels match.

/** Every sample of `url`/metrics as `{ name, labels, value }` (comments and blank lines skipped). */
export async function scrapeSeries(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const series = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    series.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return series;
}

/** Sum and count of histogram `name` over its series whose labels include every pair of `match`. */
export async function histogramTotals(url, name, match = {}) {
  const totals = { sum: 0, count: 0 };
  for (const s of await scrapeSeries(url)) {
    if (!Object.entries(match).every(([k, v]) => s.labels[k] === v)) continue;
    if (s.name === `${name}_sum`) totals.sum += s.value;
    if (s.name === `${name}_count`) totals.count += s.value;
  }
  return totals;
}
