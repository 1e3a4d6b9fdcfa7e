import { Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { AddPoaFileHandler } from './add-poa-file.handler';
import { KYC_UPLOAD_LIMITS } from './kyc-upload-limits';
import { readMultipartFiles } from './read-multipart-files';

@ApiTags('P100 · User Onboarding & KYC')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/user/poa-files')
export class PoaFilesController {
  constructor(private readonly handler: AddPoaFileHandler) {}

  @Post(':externalUserId')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add POA File (#29): field `files`, ≤ 3 files, ≤ 5 MB, jpeg/png/jpg/pdf; outcome by POA Verification Status' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['files'], properties: { files: { type: 'array', maxItems: 3, items: { type: 'string', format: 'binary' } } } } })
  async addPoaFile(@Param('externalUserId') externalUserId: string, @Req() request: FastifyRequest): Promise<Record<string, never>> {
    const files = await readMultipartFiles(request, KYC_UPLOAD_LIMITS.maxBytes);
    return this.handler.execute(externalUserId, files);
  }
}
