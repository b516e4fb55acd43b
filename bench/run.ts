// `npm run bench`: runs every bench module (or the ones named on the command line), prints a table per module and
// writes bench/results/latest.json. Budgets that are exceeded are reported, never turned into a failing exit code;
// only a module that could not measure at all makes the exit code non-zero.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSection, toJson, verdict } from './lib/report.js';
import type { Section } from './lib/types.js';
import { modules } from './modules.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !modules.some((m) => m.id === id));
if (unknown.length) {
  console.error(`Unknown bench module(s): ${unknown.join(', ')}. Known: ${modules.map((m) => m.id).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length ? modules.filter((m) => wanted.includes(m.id)) : modules;
const tmp = mkdtempSync(join(tmpdir(), 'hausportal-bench-'));

const sections: Section[] = [];
const failures: { id: string; error: string }[] = [];
for (const module of selected) {
  try {
    const section = await module.run({ root, tmp: join(tmp, module.id) });
    sections.push(section);
    console.log(renderSection(section));
    for (const error of section.errors ?? []) {
      failures.push({ id: module.id, error });
      console.log(`  could not measure: ${error.split('\n').join('\n    ')}`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push({ id: module.id, error: message });
    console.error(`\n${module.title}: could not measure\n  ${message.split('\n').join('\n  ')}\n`);
  }
}

const over = sections.flatMap((s) => s.measurements.filter((m) => verdict(m) === 'OVER').map((m) => `${s.id}: ${m.what}`));
console.log(over.length ? `Over budget: ${over.join('; ')}` : 'All measured values are within their budgets.');

const results = join(here, 'results');
mkdirSync(results, { recursive: true });
const meta = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
writeFileSync(join(results, 'latest.json'), `${JSON.stringify(toJson(sections, failures, meta), null, 2)}\n`);
console.log(`Results written to ${join('bench', 'results', 'latest.json')}`);
// Bundles, the page and the generated big database (about a gigabyte) go; HP_BENCH_KEEP=1 keeps them for a look.
if (process.env.HP_BENCH_KEEP) console.log(`Build output kept in ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
if (failures.length) process.exitCode = 1;
