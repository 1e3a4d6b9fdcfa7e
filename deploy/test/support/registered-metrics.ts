// The metric names the platform's code registers, read from the source itself, so that an alert or
// a dashboard can never query a metric no service exports (a typo there is silent in Prometheus: an
// empty result, an alert that never fires).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { collectProcessMetrics, metricsRegistry } from '@platform/metrics';
import { root } from './service-env';

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary';

export interface Registration {
  name: string;
  type: MetricType;
  /** Where it is registered (repository-relative file:line). */
  at: string;
}

/** libs/platform/metrics's get-or-create helpers, and prom-client's classes. */
const HELPERS: Record<string, MetricType> = { counter: 'counter', gauge: 'gauge', histogram: 'histogram' };
const CLASSES: Record<string, MetricType> = { Counter: 'counter', Gauge: 'gauge', Histogram: 'histogram', Summary: 'summary' };

const SOURCE_ROOTS = ['apps', 'libs'];

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') files.push(...sourceFiles(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
      files.push(full);
    }
  }
  return files;
}

/**
 * Every registration in apps/ and libs/ (tests excluded): calls of counter/gauge/histogram with a
 * literal name, and `new Counter|Gauge|Histogram|Summary({ name: '...' })`. A registration whose
 * name is not a literal throws: this check must not miss one silently.
 */
export function registeredInSource(): Registration[] {
  const found: Registration[] = [];
  for (const top of SOURCE_ROOTS) {
    for (const file of sourceFiles(path.join(root, top))) {
      const text = readFileSync(file, 'utf8');
      if (!/\b(counter|gauge|histogram|Counter|Gauge|Histogram|Summary)\b/.test(text)) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const constants = stringConstants(source);
      const literal = (node: ts.Node | undefined): string | undefined =>
        node && ts.isStringLiteralLike(node) ? node.text : node && ts.isIdentifier(node) ? constants.get(node.text) : undefined;
      const at = (node: ts.Node) => `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && HELPERS[node.expression.text]) {
          const first = node.arguments[0];
          const name = literal(first);
          // The helpers' own definitions pass their `name` parameter through: not a registration.
          if (name) found.push({ name, type: HELPERS[node.expression.text]!, at: at(node) });
          else if (first && !isHelperDefinition(node)) throw new Error(`${at(node)}: metric registered with a name that is not a literal`);
        }
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && CLASSES[node.expression.text] && isPromClientClass(source, node.expression.text)) {
          const options = node.arguments?.[0];
          const property =
            options && ts.isObjectLiteralExpression(options)
              ? options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === 'name')
              : undefined;
          const name = literal(property?.initializer);
          if (name) found.push({ name, type: CLASSES[node.expression.text]!, at: at(node) });
          else if (!isHelperDefinition(node)) throw new Error(`${at(node)}: new ${node.expression.text} without a literal name`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return found;
}

/** The file's top-level `const NAME = 'text'` declarations (a metric name kept in a constant). */
function stringConstants(source: ts.SourceFile): Map<string, string> {
  const constants = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of statement.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && ts.isStringLiteralLike(d.initializer)) constants.set(d.name.text, d.initializer.text);
    }
  }
  return constants;
}

/** Inside libs/platform/metrics's counter/gauge/histogram functions (they register what they are given). */
function isHelperDefinition(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isFunctionDeclaration(parent) && parent.name && HELPERS[parent.name.text]) return true;
  }
  return false;
}

/** `new Gauge(...)` counts only where Gauge is prom-client's (not some other class of that name). */
function isPromClientClass(source: ts.SourceFile, className: string): boolean {
  return source.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text === 'prom-client' &&
      s.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some((e) => e.name.text === className),
  );
}

/** The series names a metric of this type is exported as (histograms and summaries add suffixes). */
export function seriesNames(name: string, type: MetricType): string[] {
  if (type === 'histogram') return [name, `${name}_bucket`, `${name}_sum`, `${name}_count`];
  if (type === 'summary') return [name, `${name}_sum`, `${name}_count`];
  return [name];
}

/** Series Prometheus makes itself for every target, whatever the target exports. */
export const PROMETHEUS_SYNTHETIC = ['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_samples_post_metric_relabeling', 'scrape_series_added'];

/** The Node.js process metrics every service exports (prom-client's defaults, as the platform keeps them). */
export function processMetrics(): Array<{ name: string; type: MetricType }> {
  collectProcessMetrics('deploy-test');
  return metricsRegistry
    .getMetricsAsArray()
    .filter((m) => /^(process|nodejs)_/.test(m.name))
    .map((m) => ({ name: m.name, type: String(m.type) as MetricType }));
}

/** Every series name a scrape of the platform can hold. */
export function knownSeries(): Set<string> {
  const all = [...registeredInSource(), ...processMetrics()];
  return new Set([...all.flatMap((m) => seriesNames(m.name, m.type)), ...PROMETHEUS_SYNTHETIC]);
}
