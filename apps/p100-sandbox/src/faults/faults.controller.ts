import { Body, Controller, Delete, Get, HttpCode, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ENDPOINT_GROUPS } from '@platform/p100-client';
import { AdminKeyGuard } from '../admin/admin-key.guard';
import { ClearFaultsHandler } from './clear-faults.handler';
import { ListFaultsHandler } from './list-faults.handler';
import { PutFaultHandler } from './put-fault.handler';

@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin/faults')
export class FaultsController {
  constructor(
    private readonly putFault: PutFaultHandler,
    private readonly listFaults: ListFaultsHandler,
    private readonly clearFaults: ClearFaultsHandler,
  ) {}

  @Put(':group')
  @ApiOperation({ summary: `Inject a fault into one endpoint group (${ENDPOINT_GROUPS.join(', ')})` })
  @ApiBody({
    schema: {
      type: 'object',
      example: { latencyMs: 0, failure: { kind: 'error', errorCode: 'P501', httpStatus: 400 }, errorRate: 1, count: 2 },
      description:
        'failure.kind: error {errorCode, httpStatus?} | rate-limit {retryAfterSeconds} | timeout | outage {mode: connection-reset | service-unavailable}',
    },
  })
  put(@Param('group') group: string, @Body() body: unknown) {
    return this.putFault.execute(group, body);
  }

  @Get()
  @ApiOperation({ summary: 'The faults in force, with the requests each still affects' })
  list() {
    return this.listFaults.execute();
  }

  @Delete()
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear every fault' })
  clear() {
    return this.clearFaults.execute();
  }
}
