import { Inject, Injectable, Logger } from '@nestjs/common';
import { CARDS_SECURE_LANE_PATH, DomainError, commandReplySchema } from '@platform/contracts';
import { currentCorrelationId } from '@platform/logging';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/** What a command on the lane needs besides its payload. */
export interface LaneCall {
  timeoutMs: number;
  /** The calling product service: the cards service audits every reveal by it. */
  caller: string;
}

/**
 * The gateway's end of the cards secure lane: one HTTP call to the cards service for each
 * command whose input or answer holds a card secret (PIN, number, CVV, expiry). A Kafka topic
 * is a log kept for days, so these commands never take it; the answer lives in this process's
 * memory until it is written to the caller, and is never logged (docs/cards.md).
 */
@Injectable()
export class CardsSecureLane {
  private readonly logger = new Logger(CardsSecureLane.name);
  private readonly url: string;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.url = new URL(CARDS_SECURE_LANE_PATH, config.CARDS_LANE_URL).toString();
    if (!config.CARDS_LANE_TOKEN) this.logger.warn('CARDS_LANE_TOKEN is not set: card creation, reveal and PIN changes answer SERVICE_UNAVAILABLE');
  }

  async request<T>(type: string, payload: unknown, call: LaneCall): Promise<T> {
    const token = this.config.CARDS_LANE_TOKEN;
    if (!token) throw new DomainError('SERVICE_UNAVAILABLE', 'the cards secure lane is not configured (CARDS_LANE_TOKEN); card secrets cannot be handled');
    if (call.timeoutMs <= 0) throw new DomainError('DEADLINE_EXCEEDED', `the deadline passed before ${type} could be sent`);
    const response = await this.post(type, payload, token, call);
    const reply = commandReplySchema.safeParse(await response.json().catch(() => undefined));
    if (!reply.success) {
      // The status is all that is logged: the body may be the very data this lane exists to protect.
      const why = response.status === 401 ? 'refused the gateway: CARDS_LANE_TOKEN differs between gateway and cards' : 'answered without a command reply';
      this.logger.error({ type, status: response.status }, `the cards secure lane ${why}`);
      throw new DomainError('SERVICE_UNAVAILABLE', `the cards service answered ${type} with HTTP ${response.status}; retry later`);
    }
    if (reply.data.ok) return reply.data.data as T;
    throw new DomainError(reply.data.error.code, reply.data.error.message, reply.data.error.details);
  }

  private async post(type: string, payload: unknown, token: string, call: LaneCall): Promise<Response> {
    try {
      return await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-caller': call.caller,
          'x-deadline': String(Date.now() + call.timeoutMs),
          ...(currentCorrelationId() ? { 'x-correlation-id': currentCorrelationId()! } : {}),
        },
        body: JSON.stringify({ type, payload }),
        signal: AbortSignal.timeout(call.timeoutMs),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') throw new DomainError('UPSTREAM_TIMEOUT', `no answer to ${type} from the cards service within ${call.timeoutMs} ms`);
      throw new DomainError('SERVICE_UNAVAILABLE', `the cards service cannot be reached (${(error as Error).message}); retry later`);
    }
  }
}
