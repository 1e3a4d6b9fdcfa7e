// The topic catalog of libs/contracts, loaded from plain Node tooling without a build.
/** Every catalog topic (dead-letter topics included) as `{ name, partitions, config }`. */
export async function loadTopicCatalog() {
  // Node 24 loads the .ts catalog directly (type stripping). The repo's package.json has no
  // "type", so Node warns that it re-parses the file as ESM: silence that one warning.
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning, ...rest) {
    const code = typeof rest[0] === 'object' ? rest[0]?.code : rest[1];
    if (code === 'MODULE_TYPELESS_PACKAGE_JSON') return;
    if (String(warning).includes('Type Stripping')) return;
    return emitWarning.call(this, warning, ...rest);
  };
  try {
    const { allTopicNames } = await import('../../libs/contracts/src/topics/topic-catalog.ts');
    return allTopicNames();
  } finally {
    process.emitWarning = emitWarning;
  }
}
