import { Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { exactJsonBody } from '../money/exact-json';
import { CreateSepaTransferHandler } from './create-sepa-transfer.handler';
import { GetSepaContactsHandler, type SepaContactList } from './get-sepa-contacts.handler';
import { GetSepaDepositInfoHandler, type SepaDepositInfo } from './get-sepa-deposit-info.handler';
import { GetSepaTransferDetailsHandler } from './get-sepa-transfer-details.handler';
import type { TransferIdResponse } from './sepa-transfer.request';

const TRANSFER_EXAMPLE = { amount: '16.02', currency: 'eur', destinationIban: 'PL09102044050000210205531111', transferTitle: 'Bank Transfer' };

/** P100 SEPA operations (endpoints.md #8–11, #40–43); paths as openapi.yaml (some inferred). */
@ApiTags('P100 · SEPA')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1')
export class SepaController {
  constructor(
    private readonly depositInfo: GetSepaDepositInfoHandler,
    private readonly contacts: GetSepaContactsHandler,
    private readonly createTransfer: CreateSepaTransferHandler,
    private readonly transferDetails: GetSepaTransferDetailsHandler,
  ) {}

  @Get('partner/sepa-deposit/info')
  @ApiOperation({ summary: 'Get SEPA Deposit Info, partner (#8)' })
  getPartnerSepaDepositInfo(): Promise<SepaDepositInfo> {
    return this.depositInfo.forPartner();
  }

  @Get('partner/sepa-deposit/contacts')
  @ApiOperation({ summary: 'Get SEPA Deposit Contact List, partner (#9, path inferred)' })
  getPartnerSepaContacts(): Promise<SepaContactList> {
    return this.contacts.forPartner();
  }

  @Post('partner/sepa-transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a SEPA Transfer from the partner balance (#10); settles asynchronously' })
  @ApiBody({ schema: { type: 'object', example: TRANSFER_EXAMPLE } })
  createPartnerSepaTransfer(@Req() request: FastifyRequest): Promise<TransferIdResponse> {
    return this.createTransfer.forPartner(exactJsonBody(request));
  }

  @Get('sepa-transfer/details/:transferId')
  @ApiOperation({ summary: 'Get SEPA Transfer Details, partner or user (#11 / #43); P428 when unknown' })
  getSepaTransferDetails(@Param('transferId') transferId: string) {
    return this.transferDetails.execute(transferId);
  }

  @Get('sepa-deposit/info/:externalUserId')
  @ApiOperation({ summary: "Get SEPA Deposit Info, user (#40, path inferred): the user's IBAN and reference" })
  getUserSepaDepositInfo(@Param('externalUserId') externalUserId: string): Promise<SepaDepositInfo> {
    return this.depositInfo.forUser(externalUserId);
  }

  @Get('sepa-deposit/contacts/:externalUserId')
  @ApiOperation({ summary: 'Get SEPA Deposit Contact List, user (#41, path inferred)' })
  getUserSepaContacts(@Param('externalUserId') externalUserId: string): Promise<SepaContactList> {
    return this.contacts.forUser(externalUserId);
  }

  @Post('sepa-transfer')
  @HttpCode(200)
  @ApiOperation({ summary: "Create a SEPA Transfer from a user's balance (#42); settles asynchronously" })
  @ApiBody({ schema: { type: 'object', example: { sourceExternalUserId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479', ...TRANSFER_EXAMPLE } } })
  createUserSepaTransfer(@Req() request: FastifyRequest): Promise<TransferIdResponse> {
    return this.createTransfer.forUser(exactJsonBody(request));
  }
}
