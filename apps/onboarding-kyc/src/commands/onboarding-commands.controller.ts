import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import { ONBOARDING_COMMANDS_TOPIC, OnboardingCommands, type CommandReply } from '@platform/contracts';
import { CommandDispatcher, kafkaTopic } from '@platform/kafka';
import { p100ErrorToReply } from '@platform/p100-client';
import { GetBalancesHandler } from '../balances/get-balances.handler';
import { AddKycFilesHandler } from '../kyc/add-kyc-files.handler';
import { AddPoaFilesHandler } from '../kyc/add-poa-files.handler';
import { GetKycStatusHandler } from '../kyc/get-kyc-status.handler';
import { StartHostedKycHandler } from '../kyc/start-hosted-kyc.handler';
import { SubmitVerificationHandler } from '../kyc/submit-verification.handler';
import { CreateLimitedUserHandler } from '../users/create-limited-user.handler';
import { CreateUserHandler } from '../users/create-user.handler';
import { DeleteUserHandler } from '../users/delete-user.handler';
import { GetUserHandler } from '../users/get-user.handler';
import { SuspendUserHandler } from '../users/suspend-user.handler';
import { UnsuspendUserHandler } from '../users/unsuspend-user.handler';
import { UpdateUserHandler } from '../users/update-user.handler';

/** Commands from the gateway (request-reply over `onboarding.commands`). */
@Controller()
export class OnboardingCommandsController {
  private readonly dispatcher: CommandDispatcher;

  constructor(
    createUser: CreateUserHandler,
    createLimitedUser: CreateLimitedUserHandler,
    addKycFiles: AddKycFilesHandler,
    startHostedKyc: StartHostedKycHandler,
    getKycStatus: GetKycStatusHandler,
    addPoaFiles: AddPoaFilesHandler,
    submitVerification: SubmitVerificationHandler,
    getUser: GetUserHandler,
    getBalances: GetBalancesHandler,
    updateUser: UpdateUserHandler,
    suspendUser: SuspendUserHandler,
    unsuspendUser: UnsuspendUserHandler,
    deleteUser: DeleteUserHandler,
  ) {
    this.dispatcher = new CommandDispatcher(
      ONBOARDING_COMMANDS_TOPIC,
      {
        [OnboardingCommands.createUser.type]: createUser,
        [OnboardingCommands.createLimitedUser.type]: createLimitedUser,
        [OnboardingCommands.addKycFiles.type]: addKycFiles,
        [OnboardingCommands.startHostedKyc.type]: startHostedKyc,
        [OnboardingCommands.getKycStatus.type]: getKycStatus,
        [OnboardingCommands.addPoaFiles.type]: addPoaFiles,
        [OnboardingCommands.submitVerification.type]: submitVerification,
        [OnboardingCommands.getUser.type]: getUser,
        [OnboardingCommands.getBalances.type]: getBalances,
        [OnboardingCommands.updateUser.type]: updateUser,
        [OnboardingCommands.suspendUser.type]: suspendUser,
        [OnboardingCommands.unsuspendUser.type]: unsuspendUser,
        [OnboardingCommands.deleteUser.type]: deleteUser,
      },
      p100ErrorToReply,
    );
  }

  @MessagePattern(kafkaTopic(ONBOARDING_COMMANDS_TOPIC))
  handle(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<CommandReply<unknown>> {
    return this.dispatcher.dispatch(data, context);
  }
}
