import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CreateUserHandler } from './create-user.handler';
import type { CreateUserResponse } from './create-user.request';

@ApiTags('P100 · User Onboarding & KYC')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/user')
export class UsersController {
  constructor(private readonly handler: CreateUserHandler) {}

  @Post('balances/crypto-and-fiat')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create User Account (endpoints.md #23)' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['externalUserId', 'email', 'phone', 'firstName', 'lastName', 'street', 'number', 'city', 'postCode', 'country', 'citizenship', 'nationality', 'birthCountry', 'birthDate', 'hasAcceptedP100Tc'],
      example: {
        externalUserId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479', email: 'jan.kowalski@example.pl', phone: '48601234567',
        firstName: 'Jan', lastName: 'Kowalski', street: 'ul. Marszałkowska', number: '123/5', city: 'Warszawa', postCode: '00-001',
        country: 'PL', citizenship: 'PL', nationality: 'PL', birthCountry: 'PL', birthDate: '1990-05-15',
        userIdentificationNumber: '123456789', hasAcceptedP100Tc: true,
      },
    },
  })
  createUserAccount(@Body() body: unknown): Promise<CreateUserResponse> {
    return this.handler.execute(body);
  }
}
