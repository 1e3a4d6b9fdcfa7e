import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { resolvePointer, type P100Contract } from './openapi-document';

const COMPONENTS_ID = 'p100-openapi-components';

/**
 * JSON Schema 2020-12 validation of contract schemas (OpenAPI 3.1 schemas are 2020-12). The
 * document's component schemas are registered once as `$defs` of one schema, and every
 * `#/components/schemas/X` reference is rewritten to point there, so an inline schema of a
 * path or webhook compiles on its own. Formats (uuid, date-time, email, uri) are asserted,
 * which is stricter than OpenAPI's default of treating them as annotations: a sandbox that
 * sends `"createdAt": "yesterday"` should fail its contract test.
 */
export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly document: unknown;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(contract: P100Contract) {
    // strict: false because OpenAPI adds keywords JSON Schema does not know (example, discriminator, xml).
    this.ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true); // multipart file parts; never in a JSON body we validate
    this.document = rewriteRefs(contract.document);
    const schemas = (resolvePointer(this.document, '#/components/schemas') ?? {}) as Record<string, unknown>;
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: schemas });
  }

  /** Problems of `value` against the schema at `pointer`, as `path: message` lines; [] when valid. */
  problems(pointer: string, value: unknown): string[] {
    const validate = this.compile(pointer);
    if (validate(value)) return [];
    return (validate.errors ?? []).map(describe);
  }

  private compile(pointer: string): ValidateFunction {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      const schema = resolvePointer(this.document, pointer);
      if (schema === undefined) throw new Error(`No schema at ${pointer} in the P100 contract`);
      validate = this.ajv.compile(schema as object);
      this.compiled.set(pointer, validate);
    }
    return validate;
  }
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(body)';
  const detail = error.keyword === 'enum' ? ` ${JSON.stringify((error.params as { allowedValues: unknown }).allowedValues)}` : '';
  return `${where} ${error.message ?? error.keyword}${detail}`;
}

/** A deep copy with every `#/components/schemas/X` ref pointing at the registered $defs. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? value.replace(/^#\/components\/schemas\//, `${COMPONENTS_ID}#/$defs/`) : rewriteRefs(value),
    ]),
  );
}
