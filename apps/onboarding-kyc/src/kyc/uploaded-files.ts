import { createHash } from 'node:crypto';
import type { AddKycFilesInput } from '@platform/contracts';
import type { UploadFile } from '@platform/p100-client';

/**
 * Decodes a command's base64 files for P100, with what identifies them in an intent: name and
 * SHA-256 of each file. The bytes of identity and address documents are never stored here.
 */
export function uploadedFiles(input: AddKycFilesInput): { files: UploadFile[]; fingerprint: string[] } {
  const files = input.files.map((f) => ({ filename: f.filename, contentType: f.contentType, data: Buffer.from(f.dataBase64, 'base64') }));
  const fingerprint = files.map((f) => `${f.filename}:${createHash('sha256').update(f.data).digest('hex')}`);
  return { files, fingerprint };
}
