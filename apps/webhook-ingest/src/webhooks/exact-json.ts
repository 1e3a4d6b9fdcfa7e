/**
 * Parses JSON keeping every number as its exact source text (a decimal string), so amounts in
 * webhook payloads never pass through a JS float. Node >= 21 gives revivers the source text.
 */
export function parseExactJson(text: string): unknown {
  return JSON.parse(text, (_key, value, context?: { source?: string }) =>
    typeof value === 'number' && context?.source !== undefined ? context.source : value,
  );
}
