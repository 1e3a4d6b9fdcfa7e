import { EVENT_CATALOG, eventJsonSchema } from './event-catalog';

/** docs/events.md, rendered from the catalog: what consumers read, never edited by hand. */
export function renderEventsDoc(): string {
  const lines = [
    '# Platform events',
    '',
    '<!-- Generated from libs/contracts/src/events/event-catalog.ts by `npm run docs:events`; do not edit. -->',
    '',
    'Events other services consume. Each leaves its service through the transactional outbox, so it is',
    'published once its state change committed, at least once: consumers dedupe on the `event-id` header.',
    'Headers on every message: `event-id`, `type`, `occurred-at`, `correlation-id`. Amounts are exact',
    'decimal strings. A breaking change gets a new type (`.v2`) published beside the old one.',
    '',
    '| Topic | Type | Key | Payload | Meaning |',
    '|---|---|---|---|---|',
    ...EVENT_CATALOG.map((e) => `| \`${e.topic}\` | \`${e.type}\` | ${e.key} | [${e.payload}](#${anchor(e.payload)}) | ${e.description} |`),
    '',
    '## Payloads (JSON Schema, draft 2020-12)',
    '',
  ];
  const shown = new Set<string>();
  for (const e of EVENT_CATALOG) {
    if (shown.has(e.payload)) continue;
    shown.add(e.payload);
    lines.push(`### ${e.payload}`, '', '```json', JSON.stringify(eventJsonSchema(e), null, 2), '```', '');
  }
  return lines.join('\n');
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as dashes. */
function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}
