import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryOne } from '../database/sql';
import { P100Error } from '../errors/p100-error';
import { requireUser } from '../users/require-user';

/** openapi `SepaDepositInfo`. */
export interface SepaDepositInfo {
  title: string;
  iban: string;
  swift: string;
  accountHolder: string;
  address: string;
}

/** P100's bank (docs' example, #8). */
const BANK = { swift: 'BZENLT22', address: 'Połonińska 19' } as const;
const PARTNER_ACCOUNT_HOLDER = 'P100 sp. z o.o.';

/**
 * Get SEPA Deposit Info, partner (#8) and user (#40, inferred path and shape). The partner's
 * IBAN and title are fixed per sandbox schema. A user's IBAN is the one of the EUR balance and
 * the reference (`title`) is the user's P100 id (inferred); a user without a personal IBAN
 * (residence outside the IBAN countries) cannot be funded by SEPA: P459 (inferred).
 */
@Injectable()
export class GetSepaDepositInfoHandler {
  constructor(private readonly dataSource: DataSource) {}

  async forPartner(): Promise<SepaDepositInfo> {
    const account = await queryOne<{ iban: string; title: string }>(this.dataSource, `SELECT iban, title::text AS title FROM partner_sepa_account`);
    if (!account) throw new Error('partner_sepa_account is empty: the sandbox migration did not run');
    return { title: account.title, iban: account.iban, ...BANK, accountHolder: PARTNER_ACCOUNT_HOLDER };
  }

  async forUser(externalUserId: string): Promise<SepaDepositInfo> {
    const user = await requireUser(this.dataSource, externalUserId, { verified: true });
    const account = await queryOne<{ iban: string | null; holder: string }>(
      this.dataSource,
      `SELECT b.iban, u.first_name || ' ' || u.last_name AS holder
         FROM balances b JOIN users u ON u.id = b.user_id
        WHERE b.user_id = $1 AND b.kind = 'fiat'`,
      [user.id],
    );
    if (!account?.iban) throw new P100Error('P459', 'User has no personal IBAN');
    return { title: user.id, iban: account.iban, ...BANK, accountHolder: account.holder };
  }
}
