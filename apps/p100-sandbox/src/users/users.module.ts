import { Module } from '@nestjs/common';
import { CreateUserHandler } from './create-user.handler';
import { UsersController } from './users.controller';

@Module({ controllers: [UsersController], providers: [CreateUserHandler] })
export class UsersModule {}
