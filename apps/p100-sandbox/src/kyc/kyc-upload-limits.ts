/**
 * Upload limits. Documented for Add POA File (≤3 files, ≤5 MB each, these MIME types); Add KYC
 * File documents none, so the same apply (its largest set, ID card front + back + selfie, is
 * three files). "5 MB" is read as 5 MiB, as libs/p100-client does.
 */
export const KYC_UPLOAD_LIMITS = {
  maxFiles: 3,
  maxBytes: 5 * 1024 * 1024,
  mimeTypes: new Set(['image/jpeg', 'image/png', 'image/jpg', 'application/pdf']),
} as const;
