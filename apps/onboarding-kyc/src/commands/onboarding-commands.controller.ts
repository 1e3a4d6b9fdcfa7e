import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import { ONBOARDING_COMMANDS_TOPIC, OnboardingCommands, type CommandReply } from '@platform/contracts';
import { CommandDispatcher, kafkaTopic } from '@platform/kafka';
import { GetBalancesHandler } from '../balances/get-balances.handler';
import { AddKycFilesHandler } from '../kyc/add-kyc-files.handler';
import { SubmitVerificationHandler } from '../kyc/submit-verification.handler';
import { p100ErrorToReply } from '@platform/p100-client';
import { CreateUserHandler } from '../users/create-user.handler';
import { GetUserHandler } from '../users/get-user.handler';

/** Commands from the gateway (request-reply over `onboarding.commands`). */
@Controller()
export class OnboardingCommandsController {
  private readonly dispatcher: CommandDispatcher;

  constructor(
    createUser: CreateUserHandler,
    addKycFiles: AddKycFilesHandler,
    submitVerification: SubmitVerificationHandler,
    getUser: GetUserHandler,
    getBalances: GetBalancesHandler,
  ) {
    this.dispatcher = new CommandDispatcher(
      ONBOARDING_COMMANDS_TOPIC,
      {
        [OnboardingCommands.createUser.type]: createUser,
        [OnboardingCommands.addKycFiles.type]: addKycFiles,
        [OnboardingCommands.submitVerification.type]: submitVerification,
        [OnboardingCommands.getUser.type]: getUser,
        [OnboardingCommands.getBalances.type]: getBalances,
      },
      p100ErrorToReply,
    );
  }

  @MessagePattern(kafkaTopic(ONBOARDING_COMMANDS_TOPIC))
  handle(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<CommandReply<unknown>> {
    return this.dispatcher.dispatch(data, context);
  }
}
