import { Body, Controller, Get, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CreateKycVerificationHandler } from './create-kyc-verification.handler';
import { GetKycStatusHandler } from './get-kyc-status.handler';
import { RedirectToVerificationHandler } from './redirect-to-verification.handler';

/** KYC by P100 (Method B, #25–27). */
@ApiTags('P100 · User Onboarding & KYC')
@Controller('v1/kyc')
export class KycHostedController {
  constructor(
    private readonly create: CreateKycVerificationHandler,
    private readonly redirect: RedirectToVerificationHandler,
    private readonly status: GetKycStatusHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @UseGuards(ApiKeyGuard)
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'Method B: Creating KYC Verification (#25)' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['externalUserId', 'documentType', 'country', 'incomeSource', 'openAccountReason'],
      example: { externalUserId: 'user-1', documentType: 'ID_CARD', country: 'PL', incomeSource: 'SALARY', openAccountReason: 'DAILY_USE', occupation: 'IT', additionalInfo: 'Developer' },
    },
  })
  createKycVerification(@Body() body: unknown) {
    return this.create.execute(body);
  }

  /**
   * Opened in the end user's browser, which cannot carry the partner's key: like the docs'
   * example, no `x-api-key` is required (inferred).
   */
  @Get('verification/:externalUserId/:verificationId')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Method B: Redirect to Verification (#26): 200 text/html; no x-api-key' })
  redirectToVerification(@Param('externalUserId') externalUserId: string, @Param('verificationId') verificationId: string) {
    return this.redirect.execute(externalUserId, verificationId);
  }

  @Get('status/:id')
  @UseGuards(ApiKeyGuard)
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'Method B: Get KYC Status (#27); id = externalUserId (inferred)' })
  getKycStatus(@Param('id') id: string) {
    return this.status.execute(id);
  }
}
