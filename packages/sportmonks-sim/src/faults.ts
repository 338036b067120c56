// Fault injection, decided per call from (seed, call number): the same sequence of calls
// meets the same faults.
import { unitHash } from './random.ts';

export interface FaultOptions {
  /** Share of calls answered 500, 502 or 503. */
  errorRate?: number;
  /** Share of calls delayed, and by how much (real milliseconds, uniform between min and max). */
  latency?: { rate: number; minMs: number; maxMs: number };
  /** Share of calls that never get an answer (the socket is held, then destroyed after hangMs). */
  hangRate?: number;
  hangMs?: number;
  /** Share of calls whose connection is closed without an answer. */
  dropRate?: number;
  /** Share of 200 answers whose JSON body is cut short. */
  truncateRate?: number;
  /** Share of 200 answers with one record missing a field or carrying a wrongly typed one. */
  malformedRate?: number;
  /** Share of calls starting a burst of `length` 429s for that entity, whatever the budget. */
  rateLimitBurst?: { rate: number; length: number };
  /** Share of later pages that repeat the previous page's last record first. */
  duplicateRate?: number;
}

export type FaultKind = 'error5xx' | 'latency' | 'hang' | 'drop' | 'truncate' | 'malformed' | 'rateLimitBurst' | 'duplicate';

export const FAULT_KINDS: readonly FaultKind[] = ['error5xx', 'latency', 'hang', 'drop', 'truncate', 'malformed', 'rateLimitBurst', 'duplicate'];

export interface CallFaults {
  errorStatus: 500 | 502 | 503 | null;
  latencyMs: number;
  hang: boolean;
  drop: boolean;
  truncate: boolean;
  /** Which record of the page to break and how; null = none. */
  malformed: { pick: number; variant: number } | null;
  burst: boolean;
  duplicate: boolean;
}

export const DEFAULT_HANG_MS = 300_000;

export class FaultPlan {
  private options: FaultOptions;

  constructor(
    private readonly seed: number,
    options: FaultOptions = {},
  ) {
    this.options = { ...options };
  }

  get current(): FaultOptions {
    return { ...this.options };
  }

  replace(options: FaultOptions): void {
    this.options = { ...options };
  }

  hangMs(): number {
    return this.options.hangMs ?? DEFAULT_HANG_MS;
  }

  burstLength(): number {
    return Math.max(1, Math.floor(this.options.rateLimitBurst?.length ?? 3));
  }

  decide(call: number): CallFaults {
    const o = this.options;
    const roll = (kind: string): number => unitHash(this.seed, kind, call);
    const hit = (kind: string, rate: number | undefined): boolean => rate !== undefined && rate > 0 && roll(kind) < rate;
    const errorStatus = hit('error5xx', o.errorRate) ? ([500, 502, 503] as const)[Math.floor(roll('error5xx-status') * 3)] ?? 500 : null;
    const latency = o.latency;
    const latencyMs =
      latency && hit('latency', latency.rate) ? Math.round(latency.minMs + roll('latency-ms') * Math.max(0, latency.maxMs - latency.minMs)) : 0;
    return {
      errorStatus,
      latencyMs,
      hang: hit('hang', o.hangRate),
      drop: hit('drop', o.dropRate),
      truncate: hit('truncate', o.truncateRate),
      malformed: hit('malformed', o.malformedRate) ? { pick: roll('malformed-pick'), variant: Math.floor(roll('malformed-variant') * 4) } : null,
      burst: hit('rateLimitBurst', o.rateLimitBurst?.rate),
      duplicate: hit('duplicate', o.duplicateRate),
    };
  }
}

/** Breaks one record the way real payloads have been seen broken. */
export function malform(record: Record<string, unknown>, variant: number): void {
  const field = ['starting_at', 'name', 'participant_id', 'position'].find((f) => f in record) ?? 'id';
  switch (variant) {
    case 0:
      Reflect.deleteProperty(record, field);
      break;
    case 1:
      record[field] = typeof record[field] === 'number' ? String(record[field]) : 12345;
      break;
    case 2:
      record.id = String(record.id);
      break;
    default:
      record[field] = { unexpected: true };
  }
}
