import type { Measurement, Section, Verdict } from './types.js';

export function verdict(m: Measurement): Verdict {
  if (!m.budget) return '—';
  const ok = m.budget.compare === 'max' ? m.value <= m.budget.limit : m.value >= m.budget.limit;
  return ok ? 'OK' : 'OVER';
}

/** Human-readable value: bytes as kB with two decimals, ms and % with one, req/s whole, everything else as is. */
export function formatValue(value: number, unit: Measurement['unit']): string {
  if (unit === 'B') return `${(value / 1000).toFixed(2)} kB`;
  if (unit === 'ms') return `${value.toFixed(1)} ms`;
  if (unit === 'req/s') return `${Math.round(value)} req/s`;
  if (unit === '%') return `${value.toFixed(1)} %`;
  return `${value} ${unit}`;
}

function formatBudget(m: Measurement): string {
  if (!m.budget) return '—';
  const sign = m.budget.compare === 'max' ? '≤' : '≥';
  return `${sign} ${formatValue(m.budget.limit, m.unit)}`;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The section as a plain-text table with its notes. */
export function renderSection(section: Section): string {
  const extraKeys = [...new Set(section.measurements.flatMap((m) => Object.keys(m.extra ?? {})))];
  const headers = ['what', section.valueLabel ?? 'value', ...extraKeys, 'budget', 'status'];
  const rows = section.measurements.map((m) => [
    m.what,
    formatValue(m.value, m.unit),
    ...extraKeys.map((k) => {
      const v = m.extra?.[k];
      return typeof v === 'number' ? formatValue(v, m.unit) : (v ?? '');
    }),
    formatBudget(m) + (m.budget?.note ? ` (${m.budget.note})` : ''),
    verdict(m),
  ]);
  const notes = section.notes.map((n) => `  ${n}`).join('\n');
  return `\n${section.title}\n${'='.repeat(section.title.length)}\n${table(headers, rows)}${notes ? `\n${notes}` : ''}\n`;
}

/** The JSON stored in bench/results/latest.json. */
export function toJson(sections: Section[], failures: { id: string; error: string }[], meta: Record<string, unknown>) {
  return {
    ...meta,
    sections: sections.map((s) => ({
      ...s,
      measurements: s.measurements.map((m) => ({ ...m, status: verdict(m) })),
    })),
    failures,
  };
}
