import { P100LocalValidationError } from './errors';

export interface UploadFile {
  /** Form field name; default `files` (the documented POA field; KYC field names are not documented). */
  field?: string;
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/**
 * Documented for Add POA File (openapi.yaml): up to 3 files, 5 MB each, these MIME types. Add KYC
 * File documents none, so the same limits are applied there (its largest set, ID card front + back
 * + selfie, is 3 files). "5 MB" is read as 5 MiB: if P100 means 5,000,000 it answers P440.
 */
export const UPLOAD_LIMITS = {
  maxFiles: 3,
  maxBytes: 5 * 1024 * 1024,
  contentTypes: ['image/jpeg', 'image/png', 'image/jpg', 'application/pdf'],
} as const;

/** Checks the limits locally (so P100 is not called) and builds the multipart body. */
export function uploadForm(files: readonly UploadFile[], operation: string): FormData {
  const problems: string[] = [];
  if (files.length === 0) problems.push('at least one file is required');
  if (files.length > UPLOAD_LIMITS.maxFiles) problems.push(`at most ${UPLOAD_LIMITS.maxFiles} files per request, got ${files.length}`);
  for (const file of files) {
    const contentType = file.contentType.toLowerCase();
    if (!(UPLOAD_LIMITS.contentTypes as readonly string[]).includes(contentType)) {
      problems.push(`${file.filename}: type ${file.contentType} is not one of ${UPLOAD_LIMITS.contentTypes.join(', ')}`);
    }
    if (file.data.byteLength > UPLOAD_LIMITS.maxBytes) {
      problems.push(`${file.filename}: ${file.data.byteLength} bytes is over the ${UPLOAD_LIMITS.maxBytes}-byte limit`);
    }
    if (file.data.byteLength === 0) problems.push(`${file.filename}: file is empty`);
    if (!file.filename) problems.push('every file needs a filename');
  }
  if (problems.length) throw new P100LocalValidationError(problems, operation);

  const form = new FormData();
  for (const file of files) {
    form.append(file.field ?? 'files', new Blob([new Uint8Array(file.data)], { type: file.contentType.toLowerCase() }), file.filename);
  }
  return form;
}
