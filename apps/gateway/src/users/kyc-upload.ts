import type { FastifyRequest } from 'fastify';
import { DomainError, KYC_FILE_LIMITS } from '@platform/contracts';

export interface UploadedKycFile {
  filename: string;
  contentType: string;
  dataBase64: string;
}

/**
 * Reads the multipart KYC upload (field `files`, repeatable) within P100's documented limits:
 * at most 3 files, 5 MB each, JPEG/PNG/PDF. Oversized files are stopped by the multipart plugin
 * (413) before they are buffered whole.
 */
export async function readKycUpload(request: FastifyRequest): Promise<UploadedKycFile[]> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'send the KYC files as multipart/form-data in the field "files"');
  const files: UploadedKycFile[] = [];
  try {
    await collect(request, files);
  } catch (error) {
    throw asUploadError(error);
  }
  if (files.length === 0) throw new DomainError('VALIDATION_FAILED', 'files: at least one file is required', { field: 'files' });
  return files;
}

async function collect(request: FastifyRequest, files: UploadedKycFile[]): Promise<void> {
  for await (const part of request.files()) {
    if (files.length === KYC_FILE_LIMITS.maxFiles) {
      throw new DomainError('VALIDATION_FAILED', `files: at most ${KYC_FILE_LIMITS.maxFiles} files per upload`, { field: 'files' });
    }
    const contentType = part.mimetype.toLowerCase();
    if (!KYC_FILE_LIMITS.mimeTypes.includes(contentType)) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `files: ${part.filename} is ${part.mimetype}; allowed ${KYC_FILE_LIMITS.mimeTypes.join(', ')}`, {
        field: 'files',
      });
    }
    const data = await part.toBuffer();
    if (data.length === 0) throw new DomainError('VALIDATION_FAILED', `files: ${part.filename} is empty`, { field: 'files' });
    files.push({ filename: part.filename, contentType, dataBase64: data.toString('base64') });
  }
}

/**
 * A body that is not well-formed multipart (no boundary, a wrong one, cut short) makes the
 * parser throw plain errors: the caller's mistake, so 400 MALFORMED_MULTIPART, not a 500. Our
 * own refusals and the plugin's limits (413, with a status) pass through as they are.
 */
function asUploadError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  return new DomainError('MALFORMED_MULTIPART', `files: the multipart body cannot be read (${(error as Error).message}); send multipart/form-data with its boundary`, { field: 'files' });
}
