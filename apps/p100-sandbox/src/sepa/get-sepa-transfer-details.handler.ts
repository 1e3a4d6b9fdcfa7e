import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryOne } from '../database/sql';
import { P100Error } from '../errors/p100-error';
import { findSepaTransfer, toSepaTransferView, type SepaTransferView } from './sepa-transfer.view';
import { isUuid } from './request-fields';

/** The nested `user` client code reads from user transfers; no identity document is kept (fields left out). */
interface TransferUserView {
  externalUserId: string;
  email: string;
  firstName: string;
  lastName: string;
  address: string;
  city: string;
  country: string;
  pesel: null;
  birthCountry: string;
  birthDate: string;
}

/** Get SEPA Transfer Details (#11 / #43): one path for partner and user transfers; P428 when unknown. */
@Injectable()
export class GetSepaTransferDetailsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(transferId: string): Promise<SepaTransferView & { user?: TransferUserView }> {
    const row = isUuid(transferId) ? await findSepaTransfer(this.dataSource, transferId) : undefined;
    if (!row) throw new P100Error('P428');
    const view = toSepaTransferView(row);
    if (!row.user_id) return view;
    const user = await queryOne<TransferUserView>(
      this.dataSource,
      `SELECT external_user_id AS "externalUserId", email, first_name AS "firstName", last_name AS "lastName",
              street || ' ' || number AS address, city, country, NULL AS pesel, birth_country AS "birthCountry",
              to_char(birth_date, 'YYYY-MM-DD') AS "birthDate"
         FROM users WHERE id = $1`,
      [row.user_id],
    );
    return user ? { ...view, user } : view;
  }
}
