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
  if (files.length === 0) throw new DomainError('VALIDATION_FAILED', 'files: at least one file is required', { field: 'files' });
  return files;
}
