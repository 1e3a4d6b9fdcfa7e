import { setTimeout as sleep } from 'node:timers/promises';
import { gatewayCall, type Answer } from './gateway-client';
import { COMMAND_KINDS, newKey, outcomeOf, type MoneyCommand } from './money-commands';

/** Answers a client retries with the same Idempotency-Key: not sent, still running, or the gateway's wait ran out. */
const RETRYABLE = new Set(['503 P100_UNAVAILABLE', '409 IDEMPOTENCY_REQUEST_IN_PROGRESS', '504 UPSTREAM_TIMEOUT']);

export interface SentCommand extends MoneyCommand {
  /** Every movement id a 2xx answered for this key: more than one would be a second movement. */
  movementIds: Set<string>;
  /** Every answer, in order (status and code). */
  answers: string[];
}

/**
 * A product service's mixed money-moving load through the gateway's REST edge: `workers` loops
 * sending commands of every kind round the users, each with its own Idempotency-Key. A
 * retryable answer is retried with the same key, as a client does after a timeout or a 503,
 * and a share of the acknowledged commands is re-sent with the same key (a client that never
 * saw the answer). Every answer is kept for the checks.
 */
export class MixedMoneyLoad {
  readonly sent: SentCommand[] = [];
  /** Every answer the gateway gave, with a sample request for each 5xx. */
  readonly outcomes: Record<string, number> = {};
  readonly unexpected: string[] = [];
  locks = { granted: 0, refused: 0 };
  resent = 0;
  private sequence = 0;

  constructor(
    private readonly gateway: string,
    private readonly users: readonly string[],
    private readonly resendShare: number,
  ) {}

  /** Runs the load until `until` (epoch ms). */
  async run(workers: number, until: number): Promise<void> {
    await Promise.all(Array.from({ length: workers }, () => this.worker(until)));
  }

  /** After the faults: every command not acknowledged yet is sent once more with its key, until it gets a final answer. */
  async settleUnanswered(deadline: number): Promise<number> {
    const open = this.sent.filter((c) => c.movementIds.size === 0 && RETRYABLE.has(c.answers.at(-1)!));
    await Promise.all(open.map((c) => this.send(c, deadline, false)));
    return open.length;
  }

  private async worker(until: number): Promise<void> {
    while (Date.now() < until) {
      const n = this.sequence++;
      const spec = COMMAND_KINDS[n % COMMAND_KINDS.length]!;
      const user = this.users[Math.floor(n / COMMAND_KINDS.length) % this.users.length]!;
      let lockId: string | undefined;
      if (spec.needsLock) {
        const lock = this.record(await gatewayCall(this.gateway, 'POST', `/v1/users/${user}/exchange/locks`), `lock for ${user}`);
        if (lock.status !== 201) {
          this.locks.refused += 1;
          continue;
        }
        this.locks.granted += 1;
        lockId = lock.body.lockId;
      }
      const command: SentCommand = { ...spec.build(user, n, lockId), idempotencyKey: newKey(), movementIds: new Set(), answers: [] };
      this.sent.push(command);
      await this.send(command, until, true);
    }
  }

  /** Sends one command, retrying retryable answers with its key until `deadline`. */
  private async send(command: SentCommand, deadline: number, mayResend: boolean): Promise<void> {
    for (;;) {
      const answer = this.record(await gatewayCall(this.gateway, 'POST', command.path, { body: command.body, idempotencyKey: command.idempotencyKey }), `${command.kind} ${command.path}`);
      command.answers.push(outcomeOf(answer));
      if (answer.status === 202) {
        command.movementIds.add(answer.body.movementId);
        if (mayResend && Math.random() < this.resendShare) {
          this.resent += 1;
          mayResend = false;
          continue;
        }
        return;
      }
      if (!RETRYABLE.has(outcomeOf(answer)) || Date.now() >= deadline) return;
      await sleep(200);
    }
  }

  private record(answer: Answer, what: string): Answer {
    const outcome = outcomeOf(answer);
    this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
    // 503 and 504 are the platform's documented "retry with the same key"; any other 5xx is a defect.
    if (answer.status >= 500 && !RETRYABLE.has(outcome)) this.unexpected.push(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    // Every refusal carries the platform's error shape with a stable code.
    if (answer.status >= 400 && !/^[A-Z][A-Z0-9_]+$/.test(String(answer.body?.error?.code))) this.unexpected.push(`${what}: ${answer.status} without a code: ${JSON.stringify(answer.body).slice(0, 300)}`);
    return answer;
  }
}
