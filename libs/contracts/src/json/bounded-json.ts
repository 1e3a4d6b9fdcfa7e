import { toPlainDecimal } from './exact-json';

/**
 * JSON from outside (webhooks, request bodies) parsed under bounds, before any work is done with
 * it: nesting depth, number size (digits and exponent: `1e5000000` must not become five million
 * digits), string length, and characters Postgres cannot store (NUL) or that are not text at all
 * (unpaired surrogates). Every refusal names the field it concerns, so the edge answers a 4xx
 * with a stable code instead of a 500 from the database, a stack overflow or a stalled loop.
 * Numbers come out as exact decimal strings, as with parseJsonExact.
 */
export interface JsonLimits {
  /** Deepest nesting of objects and arrays. */
  readonly maxDepth: number;
  /** Longest string value or property name, in UTF-16 code units. */
  readonly maxStringLength: number;
  /** Most characters of a number, as written and as a plain decimal. */
  readonly maxNumberLength: number;
}

export const EXTERNAL_JSON_LIMITS: JsonLimits = { maxDepth: 32, maxStringLength: 16_384, maxNumberLength: 64 };

/** Why external JSON was refused: `MALFORMED_JSON` (not JSON at all) or `VALIDATION_FAILED` (out of bounds). */
export class JsonInputError extends Error {
  constructor(
    readonly code: 'MALFORMED_JSON' | 'VALIDATION_FAILED',
    message: string,
    /** Dotted path of the offending value (`items.3.name`), `(body)` for the document. */
    readonly field: string,
  ) {
    super(message);
    this.name = 'JsonInputError';
  }
}

/**
 * @param numbers `exact`: every number becomes its exact decimal string (P100's amounts);
 *   `plain`: numbers stay JS numbers (our own request bodies carry amounts as strings and use
 *   numbers only for counts and limits) — bounded the same way either way.
 */
export function parseBoundedJson(text: string, limits: JsonLimits = EXTERNAL_JSON_LIMITS, numbers: 'exact' | 'plain' = 'exact'): unknown {
  if (text.charCodeAt(0) === 0xfeff) {
    throw new JsonInputError('MALFORMED_JSON', 'the body starts with a byte order mark (U+FEFF); send UTF-8 JSON without it', '(body)');
  }
  checkDepth(text, limits.maxDepth);
  let value: unknown;
  try {
    value = JSON.parse(text, (key, raw: unknown, context?: { source?: string }) => {
      if (typeof raw !== 'number') return raw;
      const source = context?.source ?? String(raw);
      const exact = boundedDecimal(source, key, limits.maxNumberLength);
      return numbers === 'exact' ? exact : raw;
    });
  } catch (error) {
    if (error instanceof JsonInputError) throw error;
    throw new JsonInputError('MALFORMED_JSON', `the body is not valid JSON: ${(error as Error).message}`, '(body)');
  }
  checkStrings(value, limits.maxStringLength);
  return value;
}

/**
 * One linear pass over the text, outside strings, counting brackets: refuses a document nested
 * deeper than `maxDepth` before JSON.parse and its reviver walk it (10,000 levels overflow the
 * reviver's stack).
 */
function checkDepth(text: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > maxDepth) throw new JsonInputError('VALIDATION_FAILED', `the body is nested deeper than ${maxDepth} levels`, '(body)');
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth -= 1;
  }
}

/** The exact decimal of a JSON number, refused when it (or its expansion) is too long. */
function boundedDecimal(source: string, key: string, maxLength: number): string {
  const field = key === '' ? '(body)' : key;
  const tooLong = () => new JsonInputError('VALIDATION_FAILED', `${field}: number is longer than ${maxLength} digits`, field);
  if (source.length > maxLength) throw tooLong();
  // The exponent decides the expansion: check it before expanding (1e999999999 is 9 characters).
  const exponent = /[eE]([+-]?\d+)$/.exec(source);
  if (exponent && Math.abs(Number(exponent[1])) > maxLength) throw tooLong();
  const plain = toPlainDecimal(source);
  if (plain.length > maxLength + 2) throw tooLong();
  return plain;
}

/** Every string and property name: bounded, and text Postgres can store (no NUL, no lone surrogate). */
function checkStrings(root: unknown, maxLength: number): void {
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      checkString(value, path || '(body)', maxLength);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: join(path, String(i)) }));
    } else if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) {
        const child = join(path, name);
        checkString(name, child, maxLength, 'property name');
        stack.push({ value: item, path: child });
      }
    }
  }
}

function checkString(text: string, field: string, maxLength: number, what = 'text'): void {
  const shown = field.length > 80 ? `${field.slice(0, 80)}…` : field;
  if (text.length > maxLength) throw new JsonInputError('VALIDATION_FAILED', `${shown}: ${what} is longer than ${maxLength} characters`, shown);
  if (text.includes('\u0000')) throw new JsonInputError('VALIDATION_FAILED', `${shown}: ${what} contains a NUL character`, shown);
  if (!isWellFormed(text)) throw new JsonInputError('VALIDATION_FAILED', `${shown}: ${what} contains an unpaired UTF-16 surrogate`, shown);
}

/**
 * Text Postgres can store and that is text at all: no NUL, no unpaired UTF-16 surrogate. The one
 * check behind the edges' bounded parse and the sandbox's validation.
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && isWellFormed(text);
}

/**
 * The dotted fields (`files.0.filename`, '' for the value itself) of every string value in
 * `root` that is not storable text, in document order. Byte arrays are data, not text, and are
 * skipped. Iterative, so any depth is safe. Used where input arrives already decoded (gRPC
 * messages, the sandbox's parsed bodies); JSON text goes through parseBoundedJson.
 */
export function unstorableFields(root: unknown): string[] {
  const fields: string[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) fields.push(path);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: join(path, String(i)) });
    } else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: join(path, entries[i]![0]) });
    }
  }
  return fields;
}

/** String.prototype.isWellFormed (ES2024, Node >= 20); our TypeScript lib is older. */
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);
