import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseInput } from '@platform/service';
import { KYC_DECISIONS, setKycDecisionOverride, type KycDecision } from '../kyc/kyc-decision';

const setKycDecisionRequest = z.object({ decision: z.enum(KYC_DECISIONS) });

/**
 * Fixes the outcome of a user's next KYC decisions. The user need not exist yet, so a test can
 * choose the outcome before it onboards the user; a decision still pending picks it up.
 */
@Injectable()
export class SetKycDecisionHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string, body: unknown): Promise<{ externalUserId: string; decision: KycDecision }> {
    const { decision } = parseInput(setKycDecisionRequest, body);
    await setKycDecisionOverride(this.dataSource, externalUserId, decision);
    return { externalUserId, decision };
  }
}
