// The arithmetic behind the chaos table: what counts as missing or duplicated, where secrets
// are found, how the 5xx answers are read from the services' logs.
import { describe, expect, it } from 'vitest';
import { answerOf, incomingOf } from '../src/chaos/log-lines.ts';
import { rowOf } from '../src/chaos/row.ts';
import { SecretScanner } from '../src/chaos/secrets.ts';
import { formatSecrets, formatTable } from '../src/chaos/table.ts';
import { keyed, squadKeys, tally } from '../src/chaos/tally.ts';

const none = new Map<string, Set<string>>();

describe('tally', () => {
  it('an exact copy has nothing missing or duplicated', () => {
    const truth = { leagues: ['271|Superliga', '501|Premiership'], fixtures: ['1|a', '2|b'] };
    expect(tally(truth, structuredClone(truth), none)).toMatchObject({ expected: 4, inMysql: 4, missing: 0, duplicated: 0 });
  });

  it('a record not stored, or stored with other values, is missing unless it was quarantined', () => {
    const truth = { fixtures: ['1|FT|2|1', '2|NS||', '3|NS||'] };
    const stored = { fixtures: ['1|FT|2|0', '3|NS||'] };
    expect(tally(truth, stored, none)).toMatchObject({ missing: 2, duplicated: 0 });
    expect(tally(truth, stored, new Map([['fixtures', new Set(['2'])]]))).toMatchObject({ missing: 1 });
  });

  it('scores of a quarantined fixture are accounted for by their fixture', () => {
    const truth = { fixture_scores: ['10|7|1525|home|1', '11|7|1525|away|0', '12|8|1525|home|2'] };
    const stored = { fixture_scores: ['12|8|1525|home|2'] };
    expect(tally(truth, stored, new Map([['fixtures', new Set(['7'])]]))).toMatchObject({ missing: 0 });
  });

  it('match detail of a quarantined fixture is accounted for by its fixture; another fixture\'s is not', () => {
    const truth = { fixture_events: ['150000001|7|218|1000261||14|23||1-0', '150000002|8|218|1000262||14|40||0-1'] };
    const result = tally(truth, { fixture_events: [] }, new Map([['fixtures', new Set(['7'])]]));
    expect(result).toMatchObject({ expected: 2, missing: 1 });
    expect(result.examples).toEqual(['fixture_events missing 150000002|8|218|1000262||14|40||0-1']);
  });

  it('squads keyed by season, team and player: a second row under a key or a row under a foreign key counts as duplicated', () => {
    const truth = { squads: keyed(['21600|185|1000048|1|600000048', '21600|185|1000049|2|600000049'], [0, 1, 2]) };
    expect(tally(truth, structuredClone(truth), none)).toMatchObject({ missing: 0, duplicated: 0 });
    const stored = { squads: keyed(['21600|185|1000048|1|600000048', '21600|185|1000048|1|600000048', '21600|185|1000049|2|600000049', '21600|186|1000049|2|600000049'], [0, 1, 2]) };
    expect(tally(truth, stored, none)).toMatchObject({ missing: 0, duplicated: 2 });
    const moved = { squads: keyed(['21600|185|1000048|1|600000048', '21600|186|1000049|2|600000049'], [0, 1, 2]) };
    expect(tally(truth, moved, none)).toMatchObject({ missing: 1, duplicated: 1 });
  });

  it('a quarantined squad excuses its team\'s rows of its season, not the other teams\'', () => {
    const truth = { squads: keyed(['21600|185|1000048|1|600000048', '21600|186|1000049|2|600000049'], [0, 1, 2]) };
    const rejected = squadKeys(21600, JSON.stringify({ id: 21600, squads: [{ team_id: 185, rows: [{ id: 'x' }] }] }));
    expect(rejected).toEqual(['21600:185']);
    expect(tally(truth, { squads: [] }, new Map([['squads', new Set(rejected)]]))).toMatchObject({ missing: 1, examples: ['squads missing 21600:186:1000049|21600|186|1000049|2|600000049'] });
    // The writer quarantines the one team's squad it could not land; a list refused whole stands for every team it read.
    expect(squadKeys(21600, { id: 21600, teams: [186], members: [] })).toEqual(['21600:186']);
    expect(squadKeys(21600, { id: 21600, teams: [185, 186], members: [] })).toEqual(['21600:185', '21600:186']);
  });

  it('a repeated row, a row the truth lacks and natural-key repeats count as duplicated', () => {
    const truth = { teams: ['180|A|5100', '181|B|5101'] };
    const stored = { teams: ['180|A|5100', '180|A|5100', '181|B|5101', '999|Ghost|'] };
    const result = tally(truth, stored, none, 3);
    expect(result).toMatchObject({ missing: 0, duplicated: 5 });
    expect(result.examples).toContain('teams extra 999|Ghost|');
  });

  it('a row fails on anything missing or duplicated, and on its own expectations', () => {
    const measure = { expected: 2, inMysql: 2, missing: 0, duplicated: 0, quarantined: 0, examples: [] };
    expect(rowOf('ok', { status: 'succeeded', problems: [], notes: [] }, measure, 0, 1).problems).toEqual([]);
    expect(rowOf('x', { status: 'succeeded', problems: [], notes: [] }, { ...measure, missing: 1, examples: ['fixtures missing 2|NS'] }, 0, 1).problems).toEqual([
      '1 records missing',
      'fixtures missing 2|NS',
    ]);
    expect(rowOf('y', { status: 'failed', problems: ['the run ended failed'], notes: [] }, measure, 0, 1).problems).toHaveLength(1);
    expect(rowOf('z', { status: 'succeeded', problems: [], notes: [] }, { ...measure, squadsLostWhole: 3 }, 0, 1).problems).toEqual(["3 seasons' squads quarantined whole"]);
  });
});

describe('the secret grep', () => {
  it('finds each watched value wherever it appears and never repeats it in the report', () => {
    const scanner = new SecretScanner();
    scanner.watch('OPERATOR_TOKEN', 'op-4f1c2a9b7e');
    scanner.watch('database password', 's3cr3t-pw-991');
    scanner.scan('[orchestrator] {"msg":"request completed"}', 'log');
    scanner.scan('[database] Error: Access denied mysql://chaos:s3cr3t-pw-991@127.0.0.1/x', 'log');
    scanner.scan('{"message":"bad token op-4f1c2a9b7e"}', 'POST /sync/all');
    expect(scanner.scanned).toBe(3);
    expect(scanner.hits.map((h) => [h.secret, h.source])).toEqual([
      ['database password', 'log'],
      ['OPERATOR_TOKEN', 'POST /sync/all'],
    ]);
    const report = formatSecrets(scanner.hits, scanner.scanned);
    expect(report).toContain('FAIL');
    expect(report).not.toContain('s3cr3t-pw-991');
    expect(report).not.toContain('op-4f1c2a9b7e');
  });

  it('refuses values too short to grep for', () => {
    expect(() => {
      new SecretScanner().watch('token', 'demo');
    }).toThrow(/too short/);
  });
});

describe('log lines', () => {
  it('reads the status of a request completed line and the request of an incoming one', () => {
    expect(answerOf('[database] {"level":30,"reqId":"a","res":{"statusCode":503},"responseTime":2,"msg":"request completed"}')).toEqual({
      service: 'database',
      reqId: 'a',
      statusCode: 503,
    });
    expect(answerOf('[database] {"level":50,"msg":"request failed"}')).toBeNull();
    expect(answerOf('[database] not json')).toBeNull();
    expect(incomingOf('[sportmonks] {"level":30,"reqId":"b","req":{"method":"GET","url":"/fixtures?seasons=1"},"msg":"incoming request"}')).toEqual({
      service: 'sportmonks',
      reqId: 'b',
      method: 'GET',
      url: '/fixtures?seasons=1',
    });
  });
});

describe('the table', () => {
  it('prints one aligned row per scenario with its result', () => {
    const measure = { expected: 10, inMysql: 10, missing: 0, duplicated: 0, quarantined: 1, examples: [] };
    const table = formatTable([
      rowOf('faults', { status: 'succeeded', problems: [], notes: [] }, measure, 2, 12.34),
      rowOf('writer killed', { status: 'failed', problems: ['ended failed'], notes: [] }, measure, 0, 3),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^scenario\s+run status\s+expected\s+in MySQL\s+missing\s+duplicated\s+quarantined\s+5xx served\s+time\s+result$/);
    expect(lines[1]).toMatch(/^faults\s+succeeded\s+10\s+10\s+0\s+0\s+1\s+2\s+12\.3 s\s+PASS$/);
    expect(lines[2]).toMatch(/FAIL$/);
  });
});
