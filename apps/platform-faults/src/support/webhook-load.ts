import { Pool } from 'undici';

/**
 * P100's side of a webhook load: `keys` entities (e.g. cards), each with its own sequence of
 * webhooks sent one after the other (the next only after the previous one was acknowledged, so the
 * acknowledged order per key is known), all keys at once over one connection each. Every fifth
 * request of a key is a redelivery of one of its earlier webhooks (20% duplicates). A webhook
 * that is not acknowledged is sent again, as P100 retries, up to `maxAttempts` times.
 *
 * The load runs in phases: a key stops at the end of each phase's share of its requests until
 * the scenario opens the next phase (after it has injected its fault), so every fault window has
 * webhooks arriving in it whatever the machine's speed.
 */
export interface WebhookLoadOptions {
  url: string;
  path: string;
  token: string;
  keys: number;
  /** Requests in all (new webhooks + redeliveries). */
  total: number;
  /** Share of each key's requests in each phase; sums to 1. */
  phases: number[];
  /** The body of webhook number `seq` of key `key`: its identity is `id`. */
  webhook: (key: number, seq: number) => { id: string; messageKey: string; body: string };
  maxAttempts?: number;
  retryDelayMs?: number;
}

export interface SentWebhook {
  id: string;
  messageKey: string;
  seq: number;
  /** 200 received (stored or duplicate) for it at least once. */
  acked: boolean;
  /** Acknowledged before the next webhook of its key was sent: its place in the key's order is known. */
  ackedInTurn: boolean;
  /** It was sent at least once and got no answer (connection error): it may or may not be stored. */
  unanswered: number;
  attempts: number;
}

export interface LoadFigures {
  requests: number;
  redeliveries: number;
  statuses: Record<string, number>;
  outcomes: Record<string, number>;
  /** Error codes of the non-200 answers. */
  codes: Record<string, number>;
  /** Redeliveries of an acknowledged webhook answered "stored" (a second copy: a defect). */
  storedTwice: string[];
  /** Answers that are neither 200 nor a 503 with an error code (a defect). */
  unexpected: string[];
}

export class WebhookLoad {
  readonly figures: LoadFigures = { requests: 0, redeliveries: 0, statuses: {}, outcomes: {}, codes: {}, storedTwice: [], unexpected: [] };
  /** Per key, its webhooks in the order they were acknowledged (sequential sends: their seq order). */
  readonly byKey: SentWebhook[][] = [];
  private readonly gates: Array<{ open: () => void; opened: Promise<void> }>;
  private readonly phaseDone: Array<{ count: number; all: Promise<void>; done: () => void }>;
  private readonly pool: Pool;
  private readonly perKey: number;

  constructor(private readonly options: WebhookLoadOptions) {
    this.perKey = Math.floor(options.total / options.keys);
    this.pool = new Pool(options.url, { connections: options.keys, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
    this.gates = options.phases.map(() => {
      let open!: () => void;
      const opened = new Promise<void>((r) => (open = r));
      return { open, opened };
    });
    this.phaseDone = options.phases.map(() => {
      let done!: () => void;
      const all = new Promise<void>((r) => (done = r));
      return { count: 0, all, done };
    });
  }

  /** Starts every key; resolves when all requests were made. Phase 0 starts at once. */
  run(): Promise<void> {
    this.gates[0]!.open();
    return Promise.all(Array.from({ length: this.options.keys }, (_, k) => this.runKey(k))).then(() => this.pool.close());
  }

  /** Lets the keys go on into `phase`. */
  open(phase: number): void {
    this.gates[phase]!.open();
  }

  /** Resolves when every key has made all its requests of `phase`. */
  phaseFinished(phase: number): Promise<void> {
    return this.phaseDone[phase]!.all;
  }

  get webhooks(): SentWebhook[] {
    return this.byKey.flat();
  }

  private async runKey(key: number): Promise<void> {
    const sent: SentWebhook[] = [];
    this.byKey[key] = sent;
    const ends = this.phaseEnds();
    let phase = 0;
    let nextSeq = 0;
    for (let i = 0; i < this.perKey; i += 1) {
      while (i >= ends[phase]!) {
        this.finishPhase(phase);
        phase += 1;
        await this.gates[phase]!.opened;
      }
      if (i % 5 === 4 && sent.length > 0) {
        // A redelivery of an earlier webhook of this key (deterministic: the scenario is repeatable).
        const earlier = sent[(i * 7919) % sent.length]!;
        this.figures.redeliveries += 1;
        await this.deliver(earlier, this.options.webhook(key, earlier.seq).body, true);
      } else {
        const { id, messageKey, body } = this.options.webhook(key, nextSeq);
        const webhook: SentWebhook = { id, messageKey, seq: nextSeq, acked: false, ackedInTurn: false, unanswered: 0, attempts: 0 };
        nextSeq += 1;
        sent.push(webhook);
        // Sequential per key: the next webhook of this key only once this one is acknowledged.
        for (let a = 0; a < (this.options.maxAttempts ?? 40) && !webhook.acked; a += 1) {
          if (a > 0) await new Promise((r) => setTimeout(r, this.options.retryDelayMs ?? 250));
          await this.deliver(webhook, body, false);
        }
        webhook.ackedInTurn = webhook.acked;
      }
    }
    for (; phase < this.options.phases.length; phase += 1) this.finishPhase(phase);
  }

  private async deliver(webhook: SentWebhook, body: string, redelivery: boolean): Promise<void> {
    this.figures.requests += 1;
    webhook.attempts += 1;
    const ackedBefore = webhook.acked;
    let status: string;
    let text = '';
    try {
      const res = await this.pool.request({
        path: this.options.path,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: this.options.token },
        body,
      });
      status = String(res.statusCode);
      text = await res.body.text();
    } catch (error) {
      status = `no answer (${(error as { code?: string }).code ?? (error as Error).message})`;
      webhook.unanswered += 1;
    }
    this.figures.statuses[status] = (this.figures.statuses[status] ?? 0) + 1;
    if (status === '200') {
      const outcome = String(JSON.parse(text)?.status);
      this.figures.outcomes[outcome] = (this.figures.outcomes[outcome] ?? 0) + 1;
      if (redelivery && ackedBefore && outcome === 'stored') this.figures.storedTwice.push(webhook.id);
      webhook.acked = true;
    } else if (/^\d+$/.test(status)) {
      const code = parseCode(text);
      this.figures.codes[`${status} ${code}`] = (this.figures.codes[`${status} ${code}`] ?? 0) + 1;
      if (status !== '503' || !/^[A-Z][A-Z0-9_]+$/.test(code)) this.figures.unexpected.push(`${status} ${text.slice(0, 200)}`);
    }
  }

  /** Request index (per key) at which each phase ends. */
  private phaseEnds(): number[] {
    let sum = 0;
    return this.options.phases.map((share, p) => (p === this.options.phases.length - 1 ? this.perKey : Math.round((sum += share) * this.perKey)));
  }

  private finishPhase(phase: number): void {
    const p = this.phaseDone[phase]!;
    p.count += 1;
    if (p.count === this.options.keys) p.done();
  }
}

function parseCode(text: string): string {
  try {
    return String(JSON.parse(text)?.error?.code);
  } catch {
    return `(not JSON: ${text.slice(0, 40)})`;
  }
}
