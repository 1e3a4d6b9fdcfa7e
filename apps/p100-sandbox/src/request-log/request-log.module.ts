import { Global, Module } from '@nestjs/common';
import { RequestLog } from './request-log';
import { RequestLogController } from './request-log.controller';

@Global()
@Module({ controllers: [RequestLogController], providers: [RequestLog], exports: [RequestLog] })
export class RequestLogModule {}
