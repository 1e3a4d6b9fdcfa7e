// A Kafka cluster held by a helper process, for tests that cannot import ESM tooling (Jest) and
// need to stop, kill and restart single nodes:
//   node tools/kafka/cluster-helper.mjs --nodes 3
// prints `READY <bootstrap>`, then takes `kill <id>`, `stop <id>`, `start <id>` lines on stdin and
// answers `OK <line>` (or `ERROR <line>: <message>`). Closing stdin stops the cluster and exits.
// `<id>` may be `all`: every node at once (a whole-cluster crash; the nodes are started together,
// since a KRaft voter waits for a quorum of the others).
import { startKafkaCluster } from './kafka-cluster.mjs';

const i = process.argv.indexOf('--nodes');
const nodes = i > 0 ? Number(process.argv[i + 1]) : 1;
const cluster = await startKafkaCluster({ nodes, log: (m) => process.stderr.write(`${m}\n`) });
process.stdout.write(`READY ${cluster.bootstrap}\n`);

let queue = Promise.resolve();
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  for (const line of chunk.split('\n').map((l) => l.trim()).filter(Boolean)) {
    queue = queue.then(async () => {
      const [command, id] = line.split(/\s+/);
      const targets = id === 'all' ? Object.values(cluster.nodes) : [cluster.nodes[Number(id)]].filter(Boolean);
      try {
        if (targets.length === 0 || !['kill', 'stop', 'start'].includes(command)) throw new Error('expected kill|stop|start <node id>|all');
        await Promise.all(targets.map((node) => node[command]()));
        process.stdout.write(`OK ${line}\n`);
      } catch (error) {
        process.stdout.write(`ERROR ${line}: ${error.message}\n`);
      }
    });
  }
});
process.stdin.on('end', () => queue.then(() => cluster.stop()).then(() => process.exit(0)));
