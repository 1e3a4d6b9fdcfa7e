import type { P100Send } from '../request';
import type { TransferIdResponse } from '../types/common';
import type {
  PartnerSepaTransferRequest,
  SepaContactList,
  SepaDepositInfo,
  SepaTransferDetails,
  UserSepaTransferRequest,
} from '../types/sepa';

export class SepaResource {
  constructor(private readonly send: P100Send) {}

  partnerDepositInfo(): Promise<SepaDepositInfo> {
    return this.send({ operation: 'getPartnerSepaDepositInfo' });
  }

  partnerContacts(): Promise<SepaContactList> {
    return this.send({ operation: 'partnerGetSepaDepositContacts' });
  }

  createPartnerTransfer(input: PartnerSepaTransferRequest): Promise<TransferIdResponse> {
    return this.send({ operation: 'createPartnerSepaTransfer', body: input });
  }

  createUserTransfer(input: UserSepaTransferRequest): Promise<TransferIdResponse> {
    return this.send({ operation: 'createUserSepaTransfer', body: input });
  }

  getTransferDetails(transferId: string): Promise<SepaTransferDetails> {
    return this.send({ operation: 'getSepaTransferDetails', pathParams: { transferId } });
  }

  userDepositInfo(externalUserId: string): Promise<SepaDepositInfo> {
    return this.send({ operation: 'getUserSepaDepositInfo', pathParams: { externalUserId } });
  }

  userContacts(externalUserId: string): Promise<SepaContactList> {
    return this.send({ operation: 'getUserSepaDepositContacts', pathParams: { externalUserId } });
  }
}
