import { uploadForm, type UploadFile } from '../multipart';
import type { P100Send } from '../request';
import type { CreateKycVerificationRequest, CreateKycVerificationResponse, KycStatus } from '../types/kyc';

export class KycResource {
  constructor(private readonly send: P100Send) {}

  /** Method A. Limits are checked locally first; the outcome arrives as the KYC File Added webhook. */
  async addKycFiles(externalUserId: string, files: readonly UploadFile[]): Promise<unknown> {
    return this.send({ operation: 'addKycFile', pathParams: { externalUserId }, body: uploadForm(files, 'addKycFile') });
  }

  /** All POA files in one request. Outcome: POA Verification Status webhook. */
  async addPoaFiles(externalUserId: string, files: readonly UploadFile[]): Promise<unknown> {
    return this.send({ operation: 'addPoaFile', pathParams: { externalUserId }, body: uploadForm(files, 'addPoaFile') });
  }

  /** Method B. Billed to the partner on success (hence P433). */
  createVerification(input: CreateKycVerificationRequest): Promise<CreateKycVerificationResponse> {
    return this.send({ operation: 'createKycVerification', body: input });
  }

  /** The HTML loading page P100 serves before redirecting the browser to the KYC provider. */
  getVerificationPage(externalUserId: string, verificationId: string): Promise<string> {
    return this.send({ operation: 'redirectToVerification', pathParams: { externalUserId, verificationId } });
  }

  /** `id` is most likely the externalUserId (inferred). */
  getStatus(id: string): Promise<KycStatus> {
    return this.send({ operation: 'getKycStatus', pathParams: { id } });
  }
}
