import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { P100ValidationError } from '../errors/p100-error';

export interface ReceivedFile {
  fieldName: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  /** The file went over `maxBytes`; only that many bytes were read. */
  tooLarge: boolean;
}

/** Reading stops with an error beyond this many files, so a runaway form cannot go on forever. */
const HARD_FILE_LIMIT = 10;

/**
 * Reads every file part of a multipart request, whatever its field name (P100's KYC field names
 * are not documented; `files` is the POA one), keeping only metadata and a SHA-256: the bytes
 * of identity documents are never stored. Non-file fields are ignored.
 */
export async function readMultipartFiles(request: FastifyRequest, maxBytes: number): Promise<ReceivedFile[]> {
  if (!request.isMultipart()) throw new P100ValidationError(['Content-Type must be multipart/form-data']);
  const files: ReceivedFile[] = [];
  const parts = request.parts({ limits: { fileSize: maxBytes, files: HARD_FILE_LIMIT } });
  for await (const part of parts) {
    if (part.type !== 'file') continue;
    const hash = createHash('sha256');
    let sizeBytes = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      hash.update(chunk);
      sizeBytes += chunk.length;
    }
    files.push({
      fieldName: part.fieldname,
      fileName: part.filename,
      mimeType: part.mimetype.toLowerCase(),
      sizeBytes,
      sha256: hash.digest('hex'),
      tooLarge: part.file.truncated,
    });
  }
  return files;
}
