import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { service as healthService } from 'grpc-health-check';

/** grpc.health.v1 Check with a plain client: the serving status, or the call's error. */
export async function grpcHealthStatus(address: string, service = ''): Promise<string> {
  const Client = grpc.makeGenericClientConstructor(healthService as never, 'Health');
  const client = new Client(address, grpc.credentials.createInsecure()) as grpc.Client & Record<string, any>;
  try {
    return await new Promise((resolve, reject) =>
      client.check({ service }, (error: grpc.ServiceError | null, res: { status: string }) => (error ? reject(error) : resolve(res.status))),
    );
  } finally {
    client.close();
  }
}

/** The services a server lists through grpc.reflection.v1 (ListServices on its bidirectional stream). */
export async function grpcReflectedServices(address: string): Promise<string[]> {
  const protoDir = path.join(path.dirname(require.resolve('@grpc/reflection/package.json')), 'build/proto');
  const pkg = grpc.loadPackageDefinition(loadSync('grpc/reflection/v1/reflection.proto', { includeDirs: [protoDir] })) as any;
  const client = new pkg.grpc.reflection.v1.ServerReflection(address, grpc.credentials.createInsecure());
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const stream = client.ServerReflectionInfo();
      stream.on('data', (message: any) => {
        resolve(message.listServicesResponse.service.map((s: { name: string }) => s.name));
        stream.end();
      });
      stream.on('error', reject);
      stream.write({ listServices: '' });
    });
  } finally {
    client.close();
  }
}
