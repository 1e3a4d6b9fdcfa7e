import { z } from 'zod';
import { CARDS_EVENTS_TOPIC, CARDS_SECURE_CODES_TOPIC, CardsEvents, SecureCodeEvents, cardEventSchema } from '../cards/cards-events';
import { ONBOARDING_EVENTS_TOPIC, OnboardingEvents, userChangedEventSchema } from '../onboarding/onboarding-events';
import { PAYMENTS_EVENTS_TOPIC, PaymentsEvents } from '../payments/payments-events';
import { ReconciliationEvents } from '../payments/reconciliation';

export interface EventSpec {
  topic: string;
  type: string;
  /** What the Kafka message key is. */
  key: string;
  description: string;
  /** Name of the payload schema; events sharing one payload share its name. */
  payload: string;
  schema: z.ZodType;
}

/**
 * Every event the platform publishes for other services, versioned in its type (`.v1`): a change
 * that breaks consumers is a new type, never an edit. docs/events.md is generated from this list
 * (`npm run docs:events`), and a test fails when the two differ.
 */
export const EVENT_CATALOG: readonly EventSpec[] = [
  ...Object.values(OnboardingEvents).map((e) => ({
    topic: ONBOARDING_EVENTS_TOPIC,
    type: e.type,
    key: 'externalUserId',
    description: e.description,
    payload: e.schema === userChangedEventSchema ? 'UserChanged' : e.type,
    schema: e.schema,
  })),
  ...Object.values(PaymentsEvents).map((e) => ({ topic: PAYMENTS_EVENTS_TOPIC, type: e.type, key: 'externalUserId (partner movements: movementId)', description: e.description, payload: 'MovementView', schema: e.schema })),
  ...Object.values(CardsEvents).map((e) => ({
    topic: CARDS_EVENTS_TOPIC,
    type: e.type,
    key: 'cardId',
    description: e.description,
    payload: e.schema === cardEventSchema ? 'CardEvent' : e.type,
    schema: e.schema,
  })),
  ...Object.values(SecureCodeEvents).map((e) => ({ topic: CARDS_SECURE_CODES_TOPIC, type: e.type, key: 'cardId', description: e.description, payload: e.type, schema: e.schema })),
  ...Object.values(ReconciliationEvents).map((e) => ({ topic: PAYMENTS_EVENTS_TOPIC, type: e.type, key: 'externalUserId (partner: "partner")', description: e.description, payload: 'DriftView', schema: e.schema })),
];

/** The JSON schema (draft 2020-12) a consumer may validate an event's payload with. */
export function eventJsonSchema(spec: EventSpec): Record<string, unknown> {
  return z.toJSONSchema(spec.schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
}
