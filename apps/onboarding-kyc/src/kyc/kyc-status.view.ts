import type { KycStatusView } from '@platform/contracts';

/**
 * P100's Get KYC Status, read leniently: its response schema was not recovered (the sandbox
 * answers `{externalUserId, verificationId, status, rejectionReasons, ...}`). Missing fields
 * become null / UNKNOWN / [] rather than an error.
 */
export function kycStatusOf(externalUserId: string, answer: unknown): KycStatusView {
  const raw = (answer !== null && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const reasons = Array.isArray(raw.rejectionReasons) ? raw.rejectionReasons : [];
  return {
    externalUserId: text(raw.externalUserId) ?? externalUserId,
    verificationId: text(raw.verificationId) ?? text(raw.id),
    status: text(raw.status) ?? 'UNKNOWN',
    rejectionReasons: reasons.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))),
  };
}
