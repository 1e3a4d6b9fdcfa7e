import { parseJsonExact } from '@platform/contracts';

/**
 * Message bodies reach our handlers as the bytes on the wire (the Nest server runs with
 * `keepBinary`), because Nest's own parser uses JSON.parse and would turn P100's numeric amounts
 * (e.g. `"amount": 0.123456789012345678`) into floats before any of our code could see them.
 *
 * - `exact`: events (P100 webhooks, settlement events). Every JSON number becomes its exact
 *   decimal string, so amounts stay decimal strings end to end (docs/decisions/0004).
 * - `plain`: our own commands, whose schemas carry amounts as strings already and use numbers
 *   only for counts and limits.
 *
 * A body that is not JSON is returned as its text: the consumer's schema then rejects it and the
 * message goes to the dead-letter topic instead of being dropped.
 */
export function decodeMessageValue(value: unknown, mode: 'exact' | 'plain'): unknown {
  if (value === null || value === undefined) return null;
  if (!Buffer.isBuffer(value)) return value; // already decoded (a transport without keepBinary)
  const text = value.toString('utf8');
  try {
    return mode === 'exact' ? parseJsonExact(text) : JSON.parse(text);
  } catch {
    return text;
  }
}
