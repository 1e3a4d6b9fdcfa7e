import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openapiPath, readContract, resolvePointer } from '@platform/p100-contract';

type Json = Record<string, any>;

/**
 * The example bodies the P100 contract gives for one webhook of openapi.yaml, as JSON text:
 * examples declared in openapi.yaml itself (media type `example`/`examples`, schema
 * `example`/`examples`), then the ```json blocks of the webhooks.md section whose heading names
 * the webhook (its openapi `summary` up to the first " (" or " / ").
 */
export interface ContractWebhookExamples {
  examples(openapiName: string): string[];
  /** Top-level properties the webhook's schema types as JSON numbers (number or integer). */
  numberFields(openapiName: string): string[];
}

export function readContractWebhookExamples(file = openapiPath()): ContractWebhookExamples {
  const document = readContract(file).document as Json;
  const sections = markdownJsonBlocks(readFileSync(path.join(path.dirname(file), 'webhooks.md'), 'utf8'));
  const post = (name: string): Json | undefined => document['webhooks']?.[name]?.['post'];
  const schemaOf = (name: string): Json | undefined => deref(post(name)?.['requestBody']?.['content']?.['application/json']?.['schema']);

  return {
    examples(name) {
      const media: Json | undefined = post(name)?.['requestBody']?.['content']?.['application/json'];
      const schema = schemaOf(name);
      const declared = [
        ...(media?.['example'] === undefined ? [] : [media['example']]),
        ...Object.values<Json>(media?.['examples'] ?? {}).map((e) => e['value']),
        ...(schema?.['example'] === undefined ? [] : [schema['example']]),
        ...((schema?.['examples'] as unknown[] | undefined) ?? []),
      ].map((value) => JSON.stringify(value));
      const title = String(post(name)?.['summary'] ?? '').split(/ \(| \/ /)[0]!.trim();
      const documented = title ? sections.filter((s) => s.heading.includes(title)).flatMap((s) => s.blocks) : [];
      return [...declared, ...documented];
    },
    numberFields(name) {
      const properties: Json = schemaOf(name)?.['properties'] ?? {};
      return Object.entries(properties)
        .filter(([, property]) => [property['type']].flat().some((t) => t === 'number' || t === 'integer'))
        .map(([field]) => field);
    },
  };

  function deref(node: Json | undefined): Json | undefined {
    const ref = node?.['$ref'];
    return typeof ref === 'string' ? (resolvePointer(document, ref) as Json | undefined) : node;
  }
}

/** `### ` sections of a markdown file and the ```json blocks inside each. */
function markdownJsonBlocks(markdown: string): { heading: string; blocks: string[] }[] {
  return markdown
    .split(/^### /m)
    .slice(1)
    .map((section) => ({
      heading: section.slice(0, section.indexOf('\n')),
      blocks: [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!.trim()),
    }));
}
