import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query } from '../database/sql';
import { P100Error } from '../errors/p100-error';
import { requireUser } from '../users/require-user';
import { KycSessionWorker } from './kyc-session.worker';
import { findSession } from './kyc-sessions.repository';

/**
 * Method B: Redirect to Verification (#26): P100 answers 200 text/html (a loading page that
 * forwards to the iDenfy session). The sandbox has no provider to forward to: opening the page
 * counts as the user completing the capture, and the session is decided after the configured
 * review time (as Add User Verification). P412 for an unknown user, P445 for an unknown session.
 */
@Injectable()
export class RedirectToVerificationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: KycSessionWorker,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(externalUserId: string, verificationId: string): Promise<string> {
    await this.dataSource.transaction(async (tx) => {
      const user = await requireUser(tx, externalUserId);
      const session = await findSession(tx, user.id, verificationId, true);
      if (!session) throw new P100Error('P445');
      if (session.status !== 'CREATED') return; // reopening the page changes nothing
      await query(
        tx,
        `UPDATE kyc_sessions SET status = 'PENDING', due_at = ${dueIn('$2')} WHERE id = $1`,
        [session.id, scaled(this.config, this.config.kycDecisionDelayMs)],
      );
    });
    this.worker.wake();
    return loadingPage(verificationId);
  }
}

function loadingPage(verificationId: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Identity verification</title></head>
<body><p>Loading your identity verification (P100 sandbox; session ${verificationId}).</p>
<p>The sandbox simulates the capture: you may close this page.</p></body></html>
`;
}
