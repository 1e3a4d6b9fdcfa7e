import { Module } from '@nestjs/common';
import { AccountController } from './account.controller';
import { CreateNonKycUserHandler } from './create-non-kyc-user.handler';
import { CreateUserHandler } from './create-user.handler';
import { DeleteUserHandler } from './delete-user.handler';
import { ExtendUserHandler } from './extend-user.handler';
import { SuspendUserHandler } from './suspend-user.handler';
import { UnsuspendUserHandler } from './unsuspend-user.handler';
import { UpdateUserHandler } from './update-user.handler';
import { UsersController } from './users.controller';

@Module({
  controllers: [UsersController, AccountController],
  providers: [
    CreateUserHandler,
    CreateNonKycUserHandler,
    ExtendUserHandler,
    UpdateUserHandler,
    DeleteUserHandler,
    SuspendUserHandler,
    UnsuspendUserHandler,
  ],
})
export class UsersModule {}
