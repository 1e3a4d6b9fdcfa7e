// Kafka requests of a bench's own kafkajs clients (the bare baselines), counted and timed per
// role and API as the platform's kafka_client_request_duration_seconds does, so the bench can
// print "broker round trips per call" for both sides alike.

/** Wraps `kafka`'s producer/consumer/admin factories; returns the live totals `{ 'role:api': { count, seconds } }`. */
export function countKafkaRequests(kafka) {
  const totals = {};
  for (const role of ['producer', 'consumer', 'admin']) {
    const create = kafka[role].bind(kafka);
    kafka[role] = (config) => {
      const client = create(config);
      client.on(client.events.REQUEST, ({ payload }) => {
        const t = (totals[`${role}:${payload.apiName}`] ??= { count: 0, seconds: 0 });
        t.count += 1;
        t.seconds += payload.duration / 1000;
      });
      return client;
    };
  }
  return totals;
}

/** The platform's request totals, read from a service's /metrics, in the same shape. */
export async function platformKafkaRequests(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const totals = {};
  for (const line of text.split('\n')) {
    const m = /^kafka_client_request_duration_seconds_(sum|count)\{(.*)\} (\S+)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[2].matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    const t = (totals[`${labels.role}:${labels.api}`] ??= { count: 0, seconds: 0 });
    if (m[1] === 'count') t.count += Number(m[3]);
    else t.seconds += Number(m[3]);
  }
  return totals;
}

/** Requests per call and mean ms per request, by role:api, between two totals. */
export function requestsPerCall(before, after, calls) {
  const out = {};
  for (const [key, t] of Object.entries(after)) {
    const count = t.count - (before[key]?.count ?? 0);
    if (count <= 0) continue;
    out[key] = { perCall: count / calls, meanMs: ((t.seconds - (before[key]?.seconds ?? 0)) / count) * 1000 };
  }
  return out;
}
