import { z } from 'zod';
import { WEBHOOK_CATALOG } from '@platform/contracts';

const EVENTS = WEBHOOK_CATALOG.map((s) => s.event) as [string, ...string[]];
const isoTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

/** Which stored webhooks an operator call concerns: by id, by event type, by received time range. */
export const webhookFilter = z
  .object({
    ids: z.array(z.uuid()).min(1).max(1000).optional(),
    event: z.enum(EVENTS).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
  })
  .refine((f) => !(f.from && f.to) || f.from <= f.to, { message: 'from must not be after to', path: ['from'] });
export type WebhookFilter = z.infer<typeof webhookFilter>;

export const listQuery = z.object({
  event: z.enum(EVENTS).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListQuery = z.infer<typeof listQuery>;

/** A replay must name what it re-publishes: ids, or an event type and/or a time range. */
export const replayBody = webhookFilter
  .and(z.object({ limit: z.number().int().min(1).max(10_000).default(1_000) }))
  .refine((b) => b.ids || b.event || b.from || b.to, { message: 'give ids, event, from or to', path: ['ids'] });
export type ReplayBody = z.infer<typeof replayBody>;

/** SQL conditions and parameters for a filter on received_webhooks (alias r). */
export function filterSql(filter: WebhookFilter, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.ids) add((p) => `r.id = ANY(${p}::uuid[])`, filter.ids);
  if (filter.event) add((p) => `r.event = ${p}`, filter.event);
  if (filter.from) add((p) => `r.received_at >= ${p}`, filter.from.toISOString());
  if (filter.to) add((p) => `r.received_at <= ${p}`, filter.to.toISOString());
  return where;
}
