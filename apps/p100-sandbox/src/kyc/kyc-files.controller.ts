import { Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { AddKycFileHandler } from './add-kyc-file.handler';
import { KYC_UPLOAD_LIMITS } from './kyc-upload-limits';
import { readMultipartFiles } from './read-multipart-files';

@ApiTags('P100 · User Onboarding & KYC')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/user/kyc-files')
export class KycFilesController {
  constructor(private readonly handler: AddKycFileHandler) {}

  @Post(':externalUserId')
  @HttpCode(201)
  @ApiOperation({ summary: 'Method A: Add KYC File (endpoints.md #24); outcome by the KYC File Added webhook' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { files: { type: 'array', maxItems: 3, items: { type: 'string', format: 'binary' } } },
    },
  })
  async addKycFile(@Param('externalUserId') externalUserId: string, @Req() request: FastifyRequest): Promise<Record<string, never>> {
    const files = await readMultipartFiles(request, KYC_UPLOAD_LIMITS.maxBytes);
    return this.handler.execute(externalUserId, files);
  }
}
