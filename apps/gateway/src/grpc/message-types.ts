/** `true` when A and B have the same field names (proto message vs. our schema), else never. */
export type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;

/** A view as it goes on the wire: proto3 has no null, an absent optional field means "none". */
export type WithoutNulls<T> = T extends null
  ? undefined
  : T extends readonly (infer E)[]
    ? WithoutNulls<E>[]
    : T extends object
      ? { [K in keyof T]: WithoutNulls<T[K]> }
      : T;

/** null → absent, recursively: what grpc-js can serialise for optional fields. */
export function withoutNulls<T>(value: T): WithoutNulls<T> {
  if (value === null) return undefined as WithoutNulls<T>;
  if (Array.isArray(value)) return value.map(withoutNulls) as WithoutNulls<T>;
  if (typeof value === 'object' && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) if (v !== null && v !== undefined) out[k] = withoutNulls(v);
    return out as WithoutNulls<T>;
  }
  return value as WithoutNulls<T>;
}
