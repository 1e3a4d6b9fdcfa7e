// Kafka requests of a bench's own kafkajs clients (the bare baselines), counted and timed per
// role and API as the platform's kafka_client_request_duration_seconds does, so the bench can
// print "broker round trips per call" for both sides alike.
import { scrapeSeries } from './prometheus-text.mjs';

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
  const totals = {};
  for (const { name, labels, value } of await scrapeSeries(url)) {
    const part = { kafka_client_request_duration_seconds_sum: 'seconds', kafka_client_request_duration_seconds_count: 'count' }[name];
    if (!part) continue;
    const t = (totals[`${labels.role}:${labels.api}`] ??= { count: 0, seconds: 0 });
    t[part] += value;
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
