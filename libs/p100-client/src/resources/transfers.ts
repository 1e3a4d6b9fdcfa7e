import type { P100Send } from '../request';
import type { TransferIdResponse } from '../types/common';
import type { InternalTransferDetails, InternalTransferRequest, MasterBalanceTransferRequest } from '../types/transfers';

export class TransfersResource {
  constructor(private readonly send: P100Send) {}

  /** Partner ↔ user. Insufficient funds usually surface later, in the transfer's status. */
  create(input: InternalTransferRequest): Promise<TransferIdResponse> {
    return this.send({ operation: 'createInternalTransfer', body: input });
  }

  getDetails(transferId: string): Promise<InternalTransferDetails> {
    return this.send({ operation: 'getInternalTransferDetails', pathParams: { transferId } });
  }

  createMasterBalanceTransfer(input: MasterBalanceTransferRequest): Promise<TransferIdResponse> {
    return this.send({ operation: 'partnerCreateMasterBalanceTransfer', body: input });
  }
}
