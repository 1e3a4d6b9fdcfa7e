// The alert rules of deploy/prometheus/rules/ and the promtool unit tests of deploy/prometheus/tests/, read as data.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { root } from './service-env';

export const PROMETHEUS_DIR = path.join(root, 'deploy', 'prometheus');
export const RULES_DIR = path.join(PROMETHEUS_DIR, 'rules');
export const TESTS_DIR = path.join(PROMETHEUS_DIR, 'tests');

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  file: string;
}

interface RuleFile {
  groups: Array<{ name: string; rules: Array<Omit<AlertRule, 'file'> & { record?: string }> }>;
}

interface RuleTestFile {
  rule_files: string[];
  tests: Array<{ alert_rule_test?: Array<{ alertname: string; exp_alerts?: unknown[] }> }>;
}

const yamlFiles = (dir: string, suffix: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort();

export const ruleFiles = () => yamlFiles(RULES_DIR, '.yml');
export const ruleTestFiles = () => yamlFiles(TESTS_DIR, '.test.yml');

export function alertRules(): AlertRule[] {
  return ruleFiles().flatMap((file) => {
    const parsed = parse(readFileSync(path.join(RULES_DIR, file), 'utf8')) as RuleFile;
    return parsed.groups.flatMap((g) => g.rules.filter((r) => r.alert).map((r) => ({ ...r, file })));
  });
}

/** Per alert name: whether some unit test expects it firing, and some expects it silent. */
export function unitTestCoverage(): Map<string, { firing: boolean; silent: boolean }> {
  const coverage = new Map<string, { firing: boolean; silent: boolean }>();
  for (const file of ruleTestFiles()) {
    const parsed = parse(readFileSync(path.join(TESTS_DIR, file), 'utf8')) as RuleTestFile;
    for (const test of parsed.tests) {
      for (const check of test.alert_rule_test ?? []) {
        const seen = coverage.get(check.alertname) ?? { firing: false, silent: false };
        if ((check.exp_alerts ?? []).length > 0) seen.firing = true;
        else seen.silent = true;
        coverage.set(check.alertname, seen);
      }
    }
  }
  return coverage;
}
