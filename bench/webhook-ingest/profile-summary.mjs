// Summarises a V8 CPU profile (node --cpu-prof): where the busy time went, by package and by
// function (self time), and the inclusive time of the frames that match --focus.
//
//   node bench/webhook-ingest/profile-summary.mjs <file.cpuprofile> [--top 30] [--focus regex] [--window fromMs-toMs,...]
//
// --window keeps only the samples taken in those intervals (ms since the profile started), e.g. the
// measured rounds of a bench without the process's start-up (module loading) and idle turns.
// Busy = every sample but (idle); "package" is the node_modules package of the frame's script,
// our own code by its path (apps/…, libs/…), and Node's internals as node:<module>.
import { readFileSync } from 'node:fs';

/**
 * Areas a sample is charged to: the first rule that matches a frame, from the sampled frame up
 * its stack, Node's own modules only when no package is on the stack (so a socket write is
 * charged to whoever wrote: the Postgres client, kafkajs or Fastify's reply).
 */
export const DEFAULT_AREAS = [
  ['kafka (kafkajs)', /kafkajs\//],
  ['outbox relay', /outbox-relay/],
  ['postgres client (pg, typeorm)', /\/(pg|pg-protocol|pg-pool|pg-types|postgres-array|typeorm)\//],
  ['metrics (prom-client)', /prom-client\/|metrics\/src\//],
  ['logging (pino)', /\/(pino|pino-http|nestjs-pino|pino-std-serializers|sonic-boom)\//],
  ['our request code (apps, libs)', /\/(apps|libs)\//],
  ['P100 client (libs/p100-client)', /p100-client\//],
  ['Nest', /@nestjs\//],
  ['Fastify', /\/(fastify|find-my-way|@fastify\/[^/]+|avvio|secure-json-parse|light-my-request|fast-json-stringify)\//],
  ['node http/net', /^node:(_http|net|internal\/(streams|stream_base_commons|http))/],
];

export function summarizeProfile(profile, { top = 30, focus, windows, areas = DEFAULT_AREAS } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const counts = new Map();
  let at = 0; // µs since the profile started
  let total = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas?.[i] ?? 0;
    if (windows && !windows.some(([from, to]) => at >= from * 1000 && at <= to * 1000)) return;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    total += 1;
  });
  const idle = [...counts].filter(([id]) => nodes.get(id).callFrame.functionName === '(idle)').reduce((s, [, c]) => s + c, 0);
  const busy = total - idle;
  const byPackage = new Map();
  const byArea = new Map();
  const byFunction = new Map();
  const inclusive = new Map();
  const focusRe = focus ? new RegExp(focus) : null;
  for (const [id, c] of counts) {
    const node = nodes.get(id);
    const f = node.callFrame;
    if (f.functionName === '(idle)') continue;
    const pkg = packageOf(f.url, f.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + c);
    let area = f.functionName === '(garbage collector)' ? 'garbage collector' : 'other';
    if (area === 'other') {
      let fallback;
      for (let up = id; up !== undefined && area === 'other'; up = parent.get(up)) {
        const url = nodes.get(up).callFrame.url;
        const hit = url && areas.find(([, re]) => re.test(url));
        if (hit && url.startsWith('node:')) fallback ??= hit[0];
        else if (hit) area = hit[0];
      }
      if (area === 'other' && fallback) area = fallback;
    }
    byArea.set(area, (byArea.get(area) ?? 0) + c);
    const name = `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + c);
    if (focusRe) {
      // Each matching frame on the stack once (recursion counted once).
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const cf = nodes.get(at).callFrame;
        const label = `${cf.functionName || '(anonymous)'} ${shortUrl(cf.url)}:${cf.lineNumber + 1}`;
        if (focusRe.test(label) && !seen.has(label)) {
          seen.add(label);
          inclusive.set(label, (inclusive.get(label) ?? 0) + c);
        }
      }
    }
  }
  const pct = (c) => `${((100 * c) / busy).toFixed(1)}%`;
  const lines = [];
  const seconds = windows ? windows.reduce((sum, [from, to]) => sum + (to - from), 0) / 1000 : (profile.endTime - profile.startTime) / 1e6;
  lines.push(`profile: ${seconds.toFixed(1)} s${windows ? ' (windows)' : ''}, ${total} samples, busy ${((100 * busy) / total).toFixed(1)}% (percentages below are of the busy samples)`);
  lines.push('', 'by area (each sample charged to the first matching frame from the leaf up):');
  for (const [k, c] of [...byArea].sort((a, b) => b[1] - a[1])) lines.push(`  ${pct(c).padStart(6)}  ${k}`);
  lines.push('', 'self time by package:');
  for (const [k, c] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(c).padStart(6)}  ${k}`);
  lines.push('', 'self time by function:');
  for (const [k, c] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(c).padStart(6)}  ${k}`);
  if (focusRe) {
    lines.push('', `inclusive time of frames matching /${focus}/:`);
    for (const [k, c] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(c).padStart(6)}  ${k}`);
  }
  return lines.join('\n');
}

function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return url;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = /\/(apps|libs)\/(.+)$/.exec(url);
  return m ? `${m[1]}/${m[2].replace(/^platform\//, 'platform/').split('/').slice(0, m[1] === 'libs' && m[2].startsWith('platform/') ? 2 : 1).join('/')}` : url;
}

function shortUrl(url) {
  if (!url) return '';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const m = /\/((?:apps|libs)\/.+)$/.exec(url);
  return m ? m[1] : url.replace(/^file:\/\//, '');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/webhook-ingest/profile-summary.mjs <file.cpuprofile> [--top N] [--focus regex]');
    process.exit(2);
  }
  const opt = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const windows = opt('--window')?.split(',').map((w) => w.split('-').map(Number));
  console.log(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), { top: Number(opt('--top') ?? 30), focus: opt('--focus'), windows }));
}
