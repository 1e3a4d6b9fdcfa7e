import { OPERATIONS, type EndpointGroup } from '@platform/p100-client';

interface RouteMatcher {
  method: string;
  pattern: RegExp;
  /** Literal segments: the more, the more specific (`/v1/user/suspend/{id}` beats `/v1/user/{id}`). */
  literals: number;
  group: EndpointGroup;
}

/**
 * The one map from a P100 route to its endpoint group, taken from libs/p100-client's OPERATIONS
 * catalog so the sandbox's fault groups are exactly the client's breaker groups. Each operation's
 * path template becomes a pattern; method and path together pick the operation.
 */
const MATCHERS: readonly RouteMatcher[] = Object.values(OPERATIONS)
  .map((op) => ({
    method: op.method,
    pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    literals: op.path.split('/').filter((s) => s && !s.startsWith('{')).length,
    group: op.group,
  }))
  .sort((a, b) => b.literals - a.literals);

/** The endpoint group of a P100 request, or undefined for a path the contract does not have. */
export function endpointGroupOf(method: string, url: string): EndpointGroup | undefined {
  const path = url.split('?')[0]!;
  return MATCHERS.find((m) => m.method === method && m.pattern.test(path))?.group;
}
