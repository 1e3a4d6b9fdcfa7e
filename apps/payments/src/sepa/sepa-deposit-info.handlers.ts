import { Injectable } from '@nestjs/common';
import { userPaymentsRefSchema, type SepaContactsView, type SepaDepositInfoView, type UserPaymentsRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';

/** Where the user sends EUR to fund the account: their IBAN and the reference to copy into the title. */
@Injectable()
export class GetSepaDepositInfoHandler implements CommandHandler<UserPaymentsRef, SepaDepositInfoView> {
  readonly schema = userPaymentsRefSchema;

  constructor(private readonly p100: P100Client) {}

  async handle({ externalUserId }: UserPaymentsRef): Promise<SepaDepositInfoView> {
    const info = await this.p100.sepa.userDepositInfo(externalUserId);
    return { iban: info.iban, swift: info.swift, accountHolder: info.accountHolder, address: info.address, title: info.title };
  }
}

/** IBANs the user has funded the account from: P100 lets closed-loop payouts go only there. */
@Injectable()
export class GetSepaContactsHandler implements CommandHandler<UserPaymentsRef, SepaContactsView> {
  readonly schema = userPaymentsRefSchema;

  constructor(private readonly p100: P100Client) {}

  async handle({ externalUserId }: UserPaymentsRef): Promise<SepaContactsView> {
    const { contacts } = await this.p100.sepa.userContacts(externalUserId);
    return { contacts: contacts.map((c) => ({ iban: c.iban, name: c.name ?? null, createdAt: c.createdAt ?? null })) };
  }
}
