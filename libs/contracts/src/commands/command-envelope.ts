import { z } from 'zod';

/** Every command on a `<owner>.commands` topic: a versioned type and its payload. */
export const commandEnvelopeSchema = z.object({
  type: z.string().min(1),
  payload: z.unknown(),
});
export type CommandEnvelope = z.infer<typeof commandEnvelopeSchema>;

export interface CommandErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Replies never throw across Kafka: a failure is data, carrying a stable error code. */
export type CommandReply<T> = { ok: true; data: T } | { ok: false; error: CommandErrorBody };

export const commandReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
  }),
]);
