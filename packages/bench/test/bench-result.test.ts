import { afterEach, describe, expect, it, vi } from 'vitest';
import { meetsGoal, parseBenchResults, reportBench } from '../src/bench-result.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('bench result lines', () => {
  it('checks a ratio against goals written as >=, <=, > and <', () => {
    expect(meetsGoal(0.5, '>= 0.5')).toBe(true);
    expect(meetsGoal(0.49, '>= 0.5')).toBe(false);
    expect(meetsGoal(1.3, '<= 1.3')).toBe(true);
    expect(meetsGoal(1.31, '<=1.3')).toBe(false);
    expect(meetsGoal(3, '> 3')).toBe(false);
    expect(meetsGoal(2.9, '< 3')).toBe(true);
    expect(meetsGoal(1, 'within [0.95, 1]')).toBeUndefined();
  });

  it('prints one JSON line that the runner reads back, deciding pass from the goal when not given', () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    reportBench({ bench: 'writer-bulk', ours: 812.5, reference: 401, ratio: 0.49, goal: '>= 0.5', unit: 'ms' });
    expect(printed).toHaveLength(1);
    const [result] = parseBenchResults(`warming up\nrounds: 5\n${printed.join('\n')}\n`);
    expect(result).toEqual({ bench: 'writer-bulk', ours: 812.5, reference: 401, ratio: 0.49, goal: '>= 0.5', pass: false, unit: 'ms' });
  });

  it('collects every result line of a script that runs several benchmarks, and ignores anything else', () => {
    const stdout = [
      '{"bench":"a","ours":1,"reference":2,"ratio":0.5,"goal":">= 0.5","pass":true}',
      'PASS',
      '{"bench":"b","ours":"fast","reference":2,"ratio":0.5,"goal":">= 0.5","pass":true}',
      '{"not":"a result"}',
      '{"bench":"c","ours":3,"reference":1,"ratio":3,"goal":">= 3","pass":true}',
    ].join('\n');
    expect(parseBenchResults(stdout).map((r) => r.bench)).toEqual(['a', 'c']);
  });

  it('carries a row\'s note through to the runner', () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    reportBench({ bench: 'sync-all-calls-vs-floor', ours: 236, reference: 133, ratio: 1.774, goal: '<= 1.15', unit: 'calls', note: 'Referee 12, Topscorer 18' });
    expect(parseBenchResults(printed.join('\n'))).toEqual([
      { bench: 'sync-all-calls-vs-floor', ours: 236, reference: 133, ratio: 1.774, goal: '<= 1.15', pass: false, unit: 'calls', note: 'Referee 12, Topscorer 18' },
    ]);
  });
});
