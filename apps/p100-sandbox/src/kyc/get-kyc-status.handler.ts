import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { P100Error } from '../errors/p100-error';
import { requireUser } from '../users/require-user';
import { latestSession, type KycSessionStatus } from './kyc-sessions.repository';

export interface KycStatusView {
  externalUserId: string;
  verificationId: string;
  /** CREATED (not opened yet), PENDING (under review), APPROVED, REJECTED. */
  status: KycSessionStatus;
  rejectionReasons: string[];
  createdAt: string;
  decidedAt: string | null;
}

/**
 * Method B: Get KYC Status (#27), `id` = externalUserId (inferred). The response schema was not
 * retrieved; this shape is the sandbox's (inferred). P412 unknown user, P459 for users of the
 * non-KYC model (they are never verified), P445 when the user has no Method B session.
 */
@Injectable()
export class GetKycStatusHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string): Promise<KycStatusView> {
    const user = await requireUser(this.dataSource, externalUserId);
    if (user.kyc_model === 'non_kyc') throw new P100Error('P459');
    const session = await latestSession(this.dataSource, user.id);
    if (!session) throw new P100Error('P445');
    return {
      externalUserId,
      verificationId: session.id,
      status: session.status,
      rejectionReasons: session.status === 'REJECTED' ? ['VERIFICATION_REJECTED'] : [],
      createdAt: session.created_at.toISOString(),
      decidedAt: session.decided_at?.toISOString() ?? null,
    };
  }
}
