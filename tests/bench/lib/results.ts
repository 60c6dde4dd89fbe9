/**
 * Benchmark results: every suite reports rows of figures beside their same-run baseline, and
 * each run is written as JSON and as a Markdown table under tests/bench/results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchRow {
  /** What was measured, e.g. "append, group commit (64 in flight)". */
  case: string;
  unit: string;
  accord: number;
  baseline: number;
  /** accord / baseline when higher is better; baseline / accord when lower is better. */
  ratio: number;
  /** The target the ratio is compared with, if the issue sets one (reported, not asserted). */
  target?: string;
  notes?: string;
}

export interface SuiteResult {
  suite: string;
  baseline: string;
  rows: BenchRow[];
  /** How the run was set up and what a missed target's profile showed, printed under the table. */
  notes?: string[];
}

export function row(
  caseName: string,
  unit: string,
  accord: number,
  baseline: number,
  better: 'higher' | 'lower',
  extra: Partial<Pick<BenchRow, 'target' | 'notes'>> = {},
): BenchRow {
  const ratio = better === 'higher' ? accord / baseline : baseline / accord;
  return { case: caseName, unit, accord, baseline, ratio, ...extra };
}

export const resultsDir = path.resolve(import.meta.dirname, '../../../bench/results');

const fmt = (n: number): string =>
  Number.isNaN(n)
    ? '—'
    : n >= 1000
      ? Math.round(n).toLocaleString('en-US')
      : n >= 10
        ? n.toFixed(1)
        : n.toFixed(3);

export function toMarkdown(results: SuiteResult[], machine: Record<string, unknown>): string {
  const lines = [
    `# Accord benchmarks — ${String(machine.date)}`,
    '',
    `Machine: ${String(machine.cpus)} cores (${String(machine.cpuModel)}), ${String(machine.memoryGiB)} GiB, Node ${String(machine.node)}`,
    '',
  ];
  for (const suite of results) {
    lines.push(`## ${suite.suite}`, '', `Baseline: ${suite.baseline}`, '');
    lines.push(
      '| case | unit | Accord | baseline | ratio | target | notes |',
      '| --- | --- | ---: | ---: | ---: | --- | --- |',
    );
    for (const r of suite.rows) {
      lines.push(
        `| ${r.case} | ${r.unit} | ${fmt(r.accord)} | ${fmt(r.baseline)} | ${Number.isNaN(r.ratio) ? '—' : r.ratio.toFixed(2)} | ${r.target ?? ''} | ${r.notes ?? ''} |`,
      );
    }
    lines.push('');
    for (const note of suite.notes ?? []) lines.push(`- ${note}`);
    if (suite.notes?.length) lines.push('');
  }
  return lines.join('\n');
}

export function machineInfo(): Record<string, unknown> {
  return {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function writeResults(
  name: string,
  results: SuiteResult[],
): { json: string; markdown: string } {
  mkdirSync(resultsDir, { recursive: true });
  const machine = machineInfo();
  const stamp = String(machine.date).replace(/[:.]/g, '-');
  const json = path.join(resultsDir, `${stamp}-${name}.json`);
  const markdown = path.join(resultsDir, `${stamp}-${name}.md`);
  writeFileSync(json, `${JSON.stringify({ machine, results }, null, 2)}\n`);
  writeFileSync(markdown, `${toMarkdown(results, machine)}\n`);
  return { json, markdown };
}
