import type { OperationName } from '@platform/p100-client';
import type { ContractHarness } from './contract-harness';

/**
 * One operation's contract test, declared as data: the happy path and one documented error,
 * both called through the real client. The harness checks that each call really reached the
 * operation and that the sandbox's answer is valid against openapi.yaml.
 */
export interface ContractCase {
  operationId: OperationName;
  /** Runs the call (and whatever it needs first); resolves with the client's result. */
  happy(h: ContractHarness): Promise<unknown>;
  /** A P100 code the contract documents for the operation, and how to provoke it. */
  documentedError: { code: string; call(h: ContractHarness): Promise<unknown> };
}

/** Registers the two tests of every case of a group. */
export function describeContractCases(harness: () => ContractHarness, cases: readonly ContractCase[]): void {
  describe.each(cases.map((c) => [c.operationId, c] as const))('%s', (_name, c) => {
    it('answers the happy path through the client with a response valid against openapi.yaml', async () => {
      const h = harness();
      await h.expectSuccess(c.operationId, () => c.happy(h));
    });

    it(`answers the documented error ${c.documentedError.code} with a body valid against openapi.yaml`, async () => {
      const h = harness();
      await h.expectError(c.operationId, c.documentedError.code, () => c.documentedError.call(h));
    });
  });
}
