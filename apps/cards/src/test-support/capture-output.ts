import fs from 'node:fs';

/**
 * Everything this process writes to stdout and stderr while capturing, log lines included: pino
 * writes through fs.write/fs.writeSync on fd 1 (sonic-boom), Nest and console through the
 * streams. What is written still goes out.
 */
export function captureOutput(): { text(): string; stop(): void } {
  const chunks: string[] = [];
  const keep = (fd: unknown, data: unknown) => {
    if (fd === 1 || fd === 2 || fd === process.stdout.fd || fd === process.stderr.fd) chunks.push(typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString('utf8'));
  };
  const spies = [
    wrap(fs as unknown as Record<string, (...args: unknown[]) => unknown>, 'writeSync', (args) => keep(args[0], args[1])),
    wrap(fs as unknown as Record<string, (...args: unknown[]) => unknown>, 'write', (args) => keep(args[0], args[1])),
    wrap(process.stdout as unknown as Record<string, (...args: unknown[]) => unknown>, 'write', (args) => keep(1, args[0])),
    wrap(process.stderr as unknown as Record<string, (...args: unknown[]) => unknown>, 'write', (args) => keep(2, args[0])),
  ];
  return { text: () => chunks.join(''), stop: () => spies.forEach((spy) => spy.mockRestore()) };
}

function wrap(target: Record<string, (...args: unknown[]) => unknown>, method: string, seen: (args: unknown[]) => void): jest.SpyInstance {
  const original = target[method]!;
  return jest.spyOn(target, method as never).mockImplementation(((...args: unknown[]) => {
    seen(args);
    return original.apply(target, args);
  }) as never);
}
