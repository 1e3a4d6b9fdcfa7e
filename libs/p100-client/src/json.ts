/**
 * Exact JSON for P100 bodies: the helpers live in @platform/contracts (the Kafka adapter needs
 * them too); the P100-specific part, which fields P100 wants as number literals, stays here.
 */
import { jsonNumber, toPlainDecimal } from '@platform/contracts';

export { isJsonNumber, jsonNumber, parseJsonExact, stringifyJson, toPlainDecimal, type JsonNumber } from '@platform/contracts';

/** Wraps the named top-level fields as number literals where P100 expects JSON numbers. */
export function withNumberFields(body: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields?.length || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of fields) {
    if (typeof copy[field] === 'string') copy[field] = jsonNumber(copy[field] as string);
  }
  return copy;
}

type SourceReviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

/** Built once: a number becomes its exact source text (written without an exponent). */
const exactNumber: SourceReviver = (_key, value, context) => {
  if (typeof value !== 'number') return value;
  const source = context?.source;
  if (source === undefined) throw new Error('JSON.parse source text is unavailable: exact JSON needs Node >= 21');
  // Most numbers are plain decimals, which are their own exact form.
  return source.indexOf('e') < 0 && source.indexOf('E') < 0 ? source : toPlainDecimal(source);
};

/**
 * P100's answers, every number as its exact decimal string: the same result as parseJsonExact,
 * without its reviver — a JavaScript call per value, which made V8 take its slow parse and cost
 * more than the HTTP exchange's own JSON.parse. One scan quotes each number token of the text
 * (`1.50` → `"1.50"`, an exponent written out: `1e-7` → `"0.0000001"`) and JSON.parse reads the
 * rest natively. An answer without numbers is parsed as it is. Anything the scan does not fully
 * recognise as a number in a value position (`01`, `-`, a number as a key) goes to the reviver
 * parse, which refuses it as before.
 */
export function parseP100Json(text: string): unknown {
  const quoted = quoteNumbers(text);
  if (quoted === null) return JSON.parse(text, exactNumber as (key: string, value: unknown) => unknown);
  return JSON.parse(quoted);
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** `text` with its number tokens quoted; the text itself when it has none; null when unsure. */
function quoteNumbers(text: string): string | null {
  let out = '';
  let from = 0;
  // Containers open at this point ('{' or '['), and the last significant character.
  const open: number[] = [];
  let last = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i += 1; i < text.length; i += 1) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 1;
        else if (d === 0x22) break;
      }
      last = 0x22;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      open.push(c);
      last = c;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
      last = c;
    } else if ((c >= 0x30 && c <= 0x39) || c === 0x2d /* - */) {
      // A value position: after ':', after '[', after ',' in an array, or the whole document.
      const top = open[open.length - 1];
      const valuePosition = last === 0x3a /* : */ || last === 0x5b || (last === 0x2c /* , */ && top === 0x5b) || (last === -1 && open.length === 0);
      NUMBER.lastIndex = i;
      const match = valuePosition ? NUMBER.exec(text) : null;
      if (!match) return null;
      const token = match[0];
      out += `${text.slice(from, i)}"${token.indexOf('e') < 0 && token.indexOf('E') < 0 ? token : toPlainDecimal(token)}"`;
      i += token.length - 1;
      from = i + 1;
      last = 0x30;
    } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
      last = c;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
