import { Injectable } from '@nestjs/common';
import { partnerRefSchema, userPaymentsRefSchema, type PartnerRef, type SepaContactsView, type SepaDepositInfoView, type UserPaymentsRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';

/** Where the user (or the partner, owner null) sends EUR to fund the account: the IBAN and the reference to copy into the title. */
async function depositInfoOf(p100: P100Client, externalUserId: string | null): Promise<SepaDepositInfoView> {
  const info = externalUserId === null ? await p100.sepa.partnerDepositInfo() : await p100.sepa.userDepositInfo(externalUserId);
  return { iban: info.iban, swift: info.swift, accountHolder: info.accountHolder, address: info.address, title: info.title };
}

/** IBANs the user (or the partner) has funded the account from: P100 lets closed-loop payouts go only there. */
async function contactsOf(p100: P100Client, externalUserId: string | null): Promise<SepaContactsView> {
  const { contacts } = externalUserId === null ? await p100.sepa.partnerContacts() : await p100.sepa.userContacts(externalUserId);
  return { contacts: contacts.map((c) => ({ iban: c.iban, name: c.name ?? null, createdAt: c.createdAt ?? null })) };
}

@Injectable()
export class GetSepaDepositInfoHandler implements CommandHandler<UserPaymentsRef, SepaDepositInfoView> {
  readonly schema = userPaymentsRefSchema;

  constructor(private readonly p100: P100Client) {}

  handle({ externalUserId }: UserPaymentsRef): Promise<SepaDepositInfoView> {
    return depositInfoOf(this.p100, externalUserId);
  }
}

@Injectable()
export class PartnerGetSepaDepositInfoHandler implements CommandHandler<PartnerRef, SepaDepositInfoView> {
  readonly schema = partnerRefSchema;

  constructor(private readonly p100: P100Client) {}

  handle(): Promise<SepaDepositInfoView> {
    return depositInfoOf(this.p100, null);
  }
}

@Injectable()
export class GetSepaContactsHandler implements CommandHandler<UserPaymentsRef, SepaContactsView> {
  readonly schema = userPaymentsRefSchema;

  constructor(private readonly p100: P100Client) {}

  handle({ externalUserId }: UserPaymentsRef): Promise<SepaContactsView> {
    return contactsOf(this.p100, externalUserId);
  }
}

@Injectable()
export class PartnerGetSepaContactsHandler implements CommandHandler<PartnerRef, SepaContactsView> {
  readonly schema = partnerRefSchema;

  constructor(private readonly p100: P100Client) {}

  handle(): Promise<SepaContactsView> {
    return contactsOf(this.p100, null);
  }
}
