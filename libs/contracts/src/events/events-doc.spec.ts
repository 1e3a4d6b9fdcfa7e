import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CATALOG, eventJsonSchema } from './event-catalog';
import { renderEventsDoc } from './events-doc';

const DOC = join(__dirname, '../../../../docs/events.md');

describe('event catalog', () => {
  it('has unique, versioned types', () => {
    const types = EVENT_CATALOG.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    // <service>.<aggregate>.<what happened>.v<n>; a record that is itself the fact (a card
    // transaction, a one-time code) may be named <service>.<record>.v<n>, as issue 11 asks.
    for (const type of types) expect(type).toMatch(/^[a-z]+\.[a-z-]+(\.[a-z-]+)?\.v\d+$/);
  });

  it('gives every event a JSON schema that describes amounts as strings', () => {
    const schema = eventJsonSchema(EVENT_CATALOG.find((e) => e.type === 'payments.exchange.completed.v1')!);
    expect(schema).toMatchObject({ type: 'object', properties: { amount: { type: 'string' } } });
  });

  // WRITE_EVENTS_DOC=1 (npm run docs:events) writes the file instead of comparing.
  it('matches docs/events.md', () => {
    const rendered = renderEventsDoc();
    if (process.env.WRITE_EVENTS_DOC === '1') writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });
});
