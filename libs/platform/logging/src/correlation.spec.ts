import { currentCorrelationId, runWithCorrelation, sanitizeCorrelationId } from './correlation';

describe('correlation context', () => {
  it('is visible across awaits inside the run and gone outside it', async () => {
    const seen = await runWithCorrelation('req-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentCorrelationId();
    });
    expect(seen).toBe('req-1');
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('makes a fresh id when none is given', () => {
    const id = runWithCorrelation(undefined, () => currentCorrelationId());
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses header values that are not plain tokens', () => {
    expect(sanitizeCorrelationId('abc-123')).toBe('abc-123');
    expect(sanitizeCorrelationId('a\nb')).toBeUndefined();
    expect(sanitizeCorrelationId('x'.repeat(200))).toBeUndefined();
    expect(sanitizeCorrelationId(['a'])).toBeUndefined();
  });
});
