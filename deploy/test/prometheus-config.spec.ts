import { readFileSync } from 'node:fs';
import path from 'node:path';

// The scrape file names every service of the platform, on the port the runner gives it.
const SERVICES = ['gateway', 'onboarding-kyc', 'payments', 'cards', 'webhook-ingest', 'p100-sandbox'];

describe('deploy/prometheus/prometheus.yml', () => {
  const text = readFileSync(path.join(__dirname, '..', 'prometheus', 'prometheus.yml'), 'utf8');

  it.each(SERVICES)('scrapes %s', (service) => {
    expect(text).toContain(service);
  });
});
