import { cpus } from 'node:os';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function fmtMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`;
}

/** One result line: name, value and the target it is held to. */
export function report(name: string, value: string, target?: string, ok?: boolean): void {
  const mark = ok === undefined ? '' : ok ? '  ok' : '  OVER TARGET';
  console.log(`  ${name.padEnd(48)} ${value.padStart(14)}${target ? `   (target ${target})` : ''}${mark}`);
}

export const CORES = cpus().length;

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
