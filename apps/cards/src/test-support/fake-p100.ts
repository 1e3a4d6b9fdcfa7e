import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A card as the fake P100 holds it (test data: the number and CVV are made up per card). */
export interface FakeCard {
  cardId: string;
  externalUserId: string;
  label: string;
  status: 'ACTIVE' | 'BLOCKED' | 'SUSPENDED' | 'DELETED';
  pin: string;
  cardNumber: string;
  cvv: string;
  exp: string;
  /** JSON number literals, as P100 writes them. */
  limits: Record<string, string>;
}

export interface FakeCall {
  operation: string;
  /** The body as it went on the wire (tests check that limits are number literals). */
  body: string;
}

const LIMITS = ['dailyTrxAll', 'monthlyTrxAll', 'dailyTrxAtm', 'monthlyTrxAtm', 'dailyTrxEcom', 'monthlyTrxEcom'];
const DEFAULT_LIMITS = { dailyTrxAll: '2000', monthlyTrxAll: '10000', dailyTrxAtm: '500', monthlyTrxAtm: '2000', dailyTrxEcom: '2000', monthlyTrxEcom: '10000' };

/**
 * P100's card endpoints on 127.0.0.1, stateful, answering as the sandbox does (apps/p100-sandbox
 * src/cards): P434 for a card that is not the user's or is deleted, P451 for users without card
 * access, partial limit updates, block/unblock idempotent. A port stub for the cards service's
 * tests; the e2e suite runs against the sandbox itself.
 */
export class FakeP100 {
  readonly cards = new Map<string, FakeCard>();
  readonly calls: FakeCall[] = [];
  /** Users P100 refuses cards to (P451 forbidden-country-card). */
  readonly refusedUsers = new Set<string>();
  private createDelayMs = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(): Promise<FakeP100> {
    // The request callback only runs once `fake` below is set.
    const server = createServer((req, res) => void fake.receive(req, res));
    const fake = new FakeP100(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next create is carried out at once but answered only after `ms`: longer than the client waits, the answer is lost. */
  answerNextCreateAfter(ms: number): void {
    this.createDelayMs = ms;
  }

  count(operation: string): number {
    return this.calls.filter((c) => c.operation === operation).length;
  }

  cardsOf(externalUserId: string): FakeCard[] {
    return [...this.cards.values()].filter((c) => c.externalUserId === externalUserId);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text, (_k, v, ctx?: { source?: string }) => (typeof v === 'number' ? (ctx?.source ?? String(v)) : v)) as Record<string, string>) : {};
    const path = (req.url ?? '').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
    const route = `${req.method} /${path.slice(0, 3).join('/')}`;
    try {
      await this.route(route, path, body, text, res);
    } catch (error) {
      if (error instanceof FakeP100Error) return send(res, 400, { errorCode: error.code, errorName: error.errorName, errorMessage: error.message });
      send(res, 500, { errorCode: 'P500', errorName: 'unknown-exception', errorMessage: String(error) });
    }
  }

  private async route(route: string, path: string[], body: Record<string, string>, text: string, res: ServerResponse): Promise<void> {
    const record = (operation: string) => this.calls.push({ operation, body: text });
    switch (route) {
      case 'POST /v1/card/virtual': {
        record('createVirtualCard');
        if (!/^\d{4}$/.test(body.pin ?? '')) throw new FakeP100Error('P403', 'validation', 'pin must be 4 digits');
        if (this.refusedUsers.has(body.externalUserId!)) throw new FakeP100Error('P451', 'forbidden-country-card', 'Forbidden country for card');
        const card: FakeCard = {
          cardId: randomUUID(),
          externalUserId: body.externalUserId!,
          label: body.label!,
          status: 'ACTIVE',
          pin: body.pin!,
          cardNumber: `400000${String(randomInt(0, 1e9)).padStart(9, '0')}${randomInt(0, 10)}`,
          cvv: String(randomInt(0, 1000)).padStart(3, '0'),
          exp: '12/29',
          limits: { ...DEFAULT_LIMITS },
        };
        this.cards.set(card.cardId, card);
        const delay = this.createDelayMs;
        this.createDelayMs = 0;
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        return send(res, 200, { cardId: card.cardId, cardNumber: card.cardNumber, cvv: card.cvv, exp: card.exp });
      }
      case 'GET /v1/card/all': {
        record('getAllUserCards');
        const cards = this.cardsOf(path[3]!).map((c) => ({ cardId: c.cardId, status: c.status, label: c.label, cardLastDigits: c.cardNumber.slice(-4) }));
        return send(res, 200, { cards });
      }
      case 'GET /v1/card/details': {
        record('getCardDetails');
        const card = this.liveCard(path[3]!, path[4]!);
        return send(res, 200, { status: card.status, cardNumber: card.cardNumber, cvv: card.cvv, exp: card.exp });
      }
      case 'PATCH /v1/card/pin': {
        record('updateCardPin');
        this.liveCard(body.externalUserId!, body.cardId!).pin = body.pin!;
        return send(res, 200, { message: 'Card PIN updated' });
      }
      case 'PATCH /v1/card/block':
        record('blockCard');
        this.liveCard(body.externalUserId!, body.cardId!).status = 'BLOCKED';
        return send(res, 200, { message: 'Card blocked' });
      case 'PATCH /v1/card/unblock': {
        record('unblockCard');
        const card = this.liveCard(body.externalUserId!, body.cardId!);
        if (card.status === 'SUSPENDED') throw new FakeP100Error('P434', 'invalid-card', 'Card is SUSPENDED and cannot be changed by unblock');
        card.status = 'ACTIVE';
        return send(res, 200, { message: 'Card unblocked' });
      }
      case 'DELETE /v1/card/virtual':
        record('deleteCard');
        this.liveCard(body.externalUserId!, body.cardId!).status = 'DELETED';
        return send(res, 200, { message: 'Card deleted' });
      case 'GET /v1/card/limits': {
        record('getCardLimits');
        const card = this.liveCard(path[3]!, path[4]!);
        // Number literals, exactly as stored: "2500.5" goes out as 2500.5.
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(`{${LIMITS.map((f) => `"${f}":${card.limits[f]}`).join(',')}}`);
      }
      case 'PATCH /v1/card/limits': {
        record('updateCardLimits');
        const card = this.liveCard(body.externalUserId!, body.cardId!);
        for (const field of LIMITS) if (body[field] !== undefined) card.limits[field] = body[field]!;
        return send(res, 200, { message: 'Card limits updated' });
      }
      default:
        send(res, 404, { errorCode: 'P404', errorName: 'not-found', errorMessage: `no route ${route}` });
    }
  }

  private liveCard(externalUserId: string, cardId: string): FakeCard {
    const card = this.cards.get(cardId);
    if (!card || card.externalUserId !== externalUserId || card.status === 'DELETED') throw new FakeP100Error('P434', 'invalid-card', 'Card not exist');
    return card;
  }
}

class FakeP100Error extends Error {
  constructor(
    readonly code: string,
    readonly errorName: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
