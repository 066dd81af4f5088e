import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load';
import type { MachineInfo } from './machine';

/** Milliseconds for a table cell. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

/** A ratio for a table cell, e.g. 0.42×. */
export function ratio(numerator: number, denominator: number): string {
  return denominator > 0 && Number.isFinite(numerator) ? `${(numerator / denominator).toFixed(2)}×` : '–';
}

export function count(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}

/** A latency cell; a run in which no request was answered shows "> its length". */
export function latency(run: LoadResult | undefined, key: 'p50' | 'p95' | 'p99'): string {
  if (!run) return '–';
  return run.requests === 0 ? `> ${Math.round(run.seconds)} s` : ms(run[key]);
}

/**
 * The cells every loaded comparison shows, in this order: the app's p50, p95, p99 and req/s, the raw
 * SQL's p50, p95 and req/s, and app ÷ raw req/s (`–` where the raw run is missing).
 */
export const APP_RAW_HEADER = [
  'p50',
  'p95',
  'p99',
  'req/s',
  'raw p50',
  'raw p95',
  'raw req/s',
  'app÷raw req/s',
];
export function appRawCells(app: LoadResult, raw: LoadResult | undefined): string[] {
  return [
    latency(app, 'p50'),
    latency(app, 'p95'),
    latency(app, 'p99'),
    count(app.rps),
    latency(raw, 'p50'),
    latency(raw, 'p95'),
    raw ? count(raw.rps) : '–',
    raw ? ratio(app.rps, raw.rps) : '–',
  ];
}

export function markdownTable(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'r' ? '---:' : '---'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

export function machineLine(m: MachineInfo): string {
  const settings = Object.entries(m.postgresSettings)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return (
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB RAM, ${m.os}; Node ${m.node}; ` +
    `PostgreSQL ${m.postgres} (${settings})`
  );
}

/**
 * The opening lines every benchmark report shares: its title, the machine, the load average around
 * the run and how long it took.
 */
export function reportHead(
  title: string,
  r: { machine: MachineInfo; loadAverage: { before: number[]; after: number[] }; seconds: number },
): string[] {
  return [
    title,
    '',
    `Machine: ${machineLine(r.machine)}.`,
    '',
    `Load average (1, 5, 15 min) before: ${r.loadAverage.before.join(', ')}; after: ${r.loadAverage.after.join(', ')} ` +
      `(the machine is shared, so the numbers are pessimistic). The whole run took ${r.seconds} s.`,
    '',
  ];
}

/**
 * Writes `<date>-<suite>.md` (kept in git: the record of what was measured) and `.json` (the full
 * numbers; git-ignored) into `dir`, creating it.
 */
export function writeResults(dir: string, date: string, suite: string, markdown: string, data: unknown) {
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${date}-${suite}`);
  writeFileSync(`${base}.md`, markdown);
  writeFileSync(`${base}.json`, `${JSON.stringify(data, null, 2)}\n`);
  return [`${base}.md`, `${base}.json`];
}
