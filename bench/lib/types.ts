/** One measured value, compared with its budget when DESIGN §9 sets one. */
export interface Measurement {
  /** What was measured, e.g. "core + Lit". */
  what: string;
  /** The value in `unit`. */
  value: number;
  unit: 'B' | 'ms' | 'req/s' | 'nodes' | '%' | 'x';
  /** Further values worth printing (e.g. minified size before gzip). */
  extra?: Record<string, number | string>;
  /** The budget in the same unit, and how to compare; absent when there is none. */
  budget?: { limit: number; compare: 'max' | 'min'; note?: string };
}

/** Budget check of one measurement: OK, OVER, or "—" when there is no budget. */
export type Verdict = 'OK' | 'OVER' | '—';

/** What one bench module reports. */
export interface Section {
  id: string;
  title: string;
  /** Header of the value column, e.g. "min+gzip". */
  valueLabel?: string;
  measurements: Measurement[];
  /** Lines printed under the table (how it was measured, caveats). */
  notes: string[];
  /** What could not be measured and why (a missing package, a failing build); makes the exit code non-zero. */
  errors?: string[];
}

export interface BenchContext {
  /** The repository root. */
  root: string;
  /** A fresh temporary directory for build output of this run. */
  tmp: string;
}

/**
 * A bench module: bundle sizes, render timings in Chromium, server throughput… Each one lives in its own file in
 * bench/ and is listed in bench/modules.ts; run.ts runs them in order and prints and stores what they return.
 */
export interface BenchModule {
  id: string;
  title: string;
  run(context: BenchContext): Promise<Section>;
}
