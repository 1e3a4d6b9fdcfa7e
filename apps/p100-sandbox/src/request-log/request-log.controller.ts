import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AdminKeyGuard } from '../admin/admin-key.guard';
import { parseInput } from '@platform/service';
import { RequestLog } from './request-log';

const filterSchema = z.strictObject({
  correlationId: z.string().max(128).optional(),
  since: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin/requests')
export class RequestLogController {
  constructor(private readonly log: RequestLog) {}

  @Get()
  @ApiOperation({ summary: 'Requests to P100 paths as they arrived (newest last); filters correlationId, since (epoch ms), limit' })
  list(@Query() query: unknown) {
    return { requests: this.log.list(parseInput(filterSchema, query)) };
  }
}
