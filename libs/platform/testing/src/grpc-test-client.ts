import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PLATFORM_GRPC_PACKAGE, PLATFORM_PROTO_FILES, PROTO_ROOT } from '@platform/contracts';

export interface GrpcAnswer<T = any> {
  response?: T;
  error?: grpc.ServiceError;
  /** Initial metadata (`x-correlation-id`). */
  headers: Record<string, string>;
  /** Trailing metadata as plain strings (`error-code`, `error-field`, `retry-after`…). */
  trailers: Record<string, string>;
}

/**
 * A plain @grpc/grpc-js client of the platform's services, built from the .proto files alone
 * (none of the gateway's code): what a product service would write.
 */
export class GrpcTestClient {
  private readonly clients = new Map<string, grpc.Client & Record<string, any>>();
  private readonly definitions: grpc.GrpcObject;

  /** `defaults: true`: unset fields read as their zero value (false, ""), as most clients see them. */
  constructor(
    private readonly address: string,
    options: { defaults?: boolean } = {},
  ) {
    const definition = loadSync(PLATFORM_PROTO_FILES, { includeDirs: [PROTO_ROOT], keepCase: false, longs: String, enums: String, defaults: options.defaults ?? false, oneofs: false });
    this.definitions = grpc.loadPackageDefinition(definition);
  }

  /** Calls `<service>/<method>` with metadata; resolves with the response or the error and its trailers. */
  call<T = any>(service: string, method: string, request: object, metadata: Record<string, string> = {}, deadlineMs = 10_000): Promise<GrpcAnswer<T>> {
    const client = this.client(service);
    const md = new grpc.Metadata();
    for (const [k, v] of Object.entries(metadata)) md.set(k, v);
    return new Promise((resolve) => {
      let trailers: Record<string, string> = {};
      let headers: Record<string, string> = {};
      const call = client[lowerFirst(method)](request, md, { deadline: Date.now() + deadlineMs }, (error: grpc.ServiceError | null, response: T) => {
        if (error) trailers = plain(error.metadata);
        resolve(error ? { error, headers, trailers } : { response, headers, trailers });
      });
      call.on('metadata', (metadata: grpc.Metadata) => {
        headers = plain(metadata);
      });
      call.on('status', (status: grpc.StatusObject) => {
        trailers = { ...plain(status.metadata), ...trailers };
      });
    });
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
  }

  private client(service: string) {
    let client = this.clients.get(service);
    if (!client) {
      const pkg = PLATFORM_GRPC_PACKAGE.split('.').reduce((o: any, k) => o[k], this.definitions);
      const Ctor = pkg[service] as grpc.ServiceClientConstructor;
      client = new Ctor(this.address, grpc.credentials.createInsecure()) as grpc.Client & Record<string, any>;
      this.clients.set(service, client);
    }
    return client;
  }
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function plain(metadata: grpc.Metadata | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(metadata?.getMap() ?? {})) out[k] = Buffer.isBuffer(v) ? v.toString('base64') : String(v);
  return out;
}
