// kafkajs for the plain-Node tools (infra, test isolation, topic provisioning, the cluster
// runner), with the same mend the services get from libs/platform/kafka/src/kafkajs-patches.ts:
// without it every connection of these long-lived processes spins a 1 ms timer and Node 24
// prints a TimeoutNegativeWarning (kafkajs issue #1751). The patch is loaded from its one source.
import { createRequire } from 'node:module';
import kafkajs from 'kafkajs';

const require = createRequire(import.meta.url);
require('../contract/ts-register.cjs');
require('../../libs/platform/kafka/src/kafkajs-patches.ts');

export default kafkajs;
