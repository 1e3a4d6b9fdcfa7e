import * as grpc from '@grpc/grpc-js';
import { service } from 'grpc-health-check';

/** grpc.health.v1 Check for the whole server (""), with a plain client. */
export async function grpcHealth(address: string): Promise<string> {
  const Client = grpc.makeGenericClientConstructor(service as never, 'Health');
  const client = new Client(address, grpc.credentials.createInsecure()) as grpc.Client & Record<string, any>;
  try {
    return await new Promise((resolve, reject) =>
      client.check({ service: '' }, (error: grpc.ServiceError | null, res: { status: string }) => (error ? reject(error) : resolve(res.status))),
    );
  } finally {
    client.close();
  }
}
