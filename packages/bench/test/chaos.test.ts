// The fast subset of `make chaos` inside `make test`: a sync through every kind of SportMonks
// fault, and an orchestrator killed with SIGKILL mid-run that must resume by itself. Each lands
// the simulator's data — match detail, squads and players included — with nothing missing and
// nothing twice, and no secret reaches a log.
import { describe, expect, it } from 'vitest';
import { chaosContext } from '../src/chaos/harness.ts';
import { SCENARIOS } from '../src/chaos/scenarios.ts';
import { SecretScanner } from '../src/chaos/secrets.ts';

const scanner = new SecretScanner();
const context = chaosContext(scanner);

function scenario(key: string) {
  const found = SCENARIOS.find((s) => s.key === key);
  if (!found) throw new Error(`no chaos scenario ${key}`);
  return found;
}

describe('chaos, fast subset', () => {
  it.each(['faults', 'orchestrator'])('%s: every record lands once, none is lost', async (key) => {
    const row = await scenario(key).run(context);
    expect({ scenario: row.scenario, problems: row.problems }).toEqual({ scenario: row.scenario, problems: [] });
    expect(row.expected).toBeGreaterThan(3_000);
    // The stack syncs match detail, and the row compared it row by row.
    expect(row.detailRows).toBeGreaterThan(20_000);
    expect(row).toMatchObject({ missing: 0, duplicated: 0 });
    expect(row.status).toMatch(/^succeeded/);
  }, 240_000);

  it('no secret in any log line or body of those runs', () => {
    expect(scanner.scanned).toBeGreaterThan(500);
    expect(scanner.hits).toEqual([]);
  });
});
