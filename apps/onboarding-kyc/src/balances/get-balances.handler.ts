import { Injectable } from '@nestjs/common';
import { DomainError, userRefSchema, type BalancesView, type UserRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { refuseIfDeleted } from '../users/user-lifecycle';
import { UsersRepository } from '../users/users.repository';

/** Reads the user's balances from P100 (P100 holds the ledger); amounts stay decimal strings. */
@Injectable()
export class GetBalancesHandler implements CommandHandler<UserRef, BalancesView> {
  readonly schema = userRefSchema;

  constructor(
    private readonly users: UsersRepository,
    private readonly p100: P100Client,
  ) {}

  async handle({ externalUserId }: UserRef): Promise<BalancesView> {
    const user = await this.users.get(externalUserId);
    refuseIfDeleted(user, 'balances');
    if (user.status !== 'ACTIVE') {
      throw new DomainError('USER_NOT_ACTIVE', `balances exist once the user is ACTIVE; the user is ${user.status}`);
    }
    const balances = await this.p100.users.getBalances(externalUserId);
    return {
      externalUserId,
      fiat: balances.fiatBalances.map((b) => ({ id: b.id, currency: b.name, amount: String(b.amount), status: b.status, iban: b.iban })),
      crypto: balances.cryptoBalances.map((b) => ({ id: b.id, currency: b.name, amount: String(b.amount), wallet: b.wallet })),
    };
  }
}
