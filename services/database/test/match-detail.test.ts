import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildCounts, Fixture } from '@insightxi/contracts';
import { createBulkWriter, type BulkWriter } from '../src/bulk/writer.ts';
import { DETAIL_TYPES, fixture, league, matchDetail, migratedDatabase, season, STATES, team, type TestContext } from './helpers.ts';

let ctx: TestContext;
let writer: BulkWriter;

beforeAll(async () => {
  ctx = await migratedDatabase('match_detail');
  writer = createBulkWriter(ctx.db.pool, { chunkSize: 50 });
  await writer.write('types', { records: DETAIL_TYPES });
  await writer.write('states', { records: Object.values(STATES) });
  await writer.write('leagues', { records: [league(8)] });
  await writer.write('seasons', { records: [season(100, 8)] });
  await writer.write('teams', { records: Array.from({ length: 6 }, (_, i) => team(i + 1)) });
});
afterAll(async () => ctx.close());

const counts = (created: number, updated: number, unchanged: number, deleted: number): ChildCounts => ({ created, updated, unchanged, deleted });

/** A finished 2-1 with its detail: home goals at 10' and 70', the away goal at 30'. */
function match(id: number, home = 1, away = 2): Fixture {
  const f = fixture({ id, leagueId: 8, seasonId: 100, home, away, goals: [2, 1] });
  return { ...f, detail: matchDetail(f, { goals: { home: [10, 70], away: [30] }, lineupDetails: true }) };
}

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return ctx.db.pool.query<T[]>(sql, params);
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await rows<{ n: bigint | number }>(sql, params);
  return Number(row?.n);
}

/** The newest updated_at over every detail table: an identical write must not move it. */
async function lastWrite(): Promise<string> {
  const tables = ['fixture_events', 'fixture_lineups', 'fixture_lineup_details', 'fixture_statistics', 'fixture_referees', 'fixture_formations', 'fixture_detail_syncs'];
  const [row] = await rows<{ t: Date | null }>(`SELECT MAX(t) AS t FROM (${tables.map((t) => `SELECT MAX(updated_at) AS t FROM ${t}`).join(' UNION ALL ')}) x`);
  return row?.t?.toISOString() ?? 'none';
}

describe('match detail in the bulk writer', () => {
  it('stores every kind with exact counts, and an identical fixture writes nothing the second time', async () => {
    const first = await writer.write('fixtures', { records: [match(5001), match(5002, 3, 4)] });
    expect(first.created).toBe(2);
    expect(first.details).toEqual({
      events: counts(6, 0, 0, 0),
      lineups: counts(56, 0, 0, 0),
      lineupDetails: counts(88, 0, 0, 0),
      statistics: counts(8, 0, 0, 0),
      referees: counts(8, 0, 0, 0),
      formations: counts(4, 0, 0, 0),
    });
    expect(await count('SELECT COUNT(*) AS n FROM fixture_events WHERE fixture_id = 5001 AND type_id = 14')).toBe(3);
    expect(await count('SELECT COUNT(*) AS n FROM fixture_lineups WHERE fixture_id = 5001 AND team_id = 1 AND type_id = 11')).toBe(11);

    const before = await lastWrite();
    const again = await writer.write('fixtures', { records: [match(5001), match(5002, 3, 4)] });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.details).toEqual({
      events: counts(0, 0, 6, 0),
      lineups: counts(0, 0, 56, 0),
      lineupDetails: counts(0, 0, 88, 0),
      statistics: counts(0, 0, 8, 0),
      referees: counts(0, 0, 8, 0),
      formations: counts(0, 0, 4, 0),
    });
    expect(await lastWrite()).toBe(before);
  });

  it('deletes a goal cancelled by VAR and updates the score, touching nothing else', async () => {
    const original = match(5101);
    await writer.write('fixtures', { records: [original] });
    // The 70th-minute goal is cancelled: the source drops the event and the score becomes 1-1.
    const cancelled = fixture({ id: 5101, leagueId: 8, seasonId: 100, home: 1, away: 2, goals: [1, 1] });
    const detail = { ...matchDetail(cancelled, { goals: { home: [10], away: [30] }, lineupDetails: true }) };
    const result = await writer.write('fixtures', { records: [{ ...cancelled, detail }] });
    expect(result.updated).toBe(1);
    expect(result.details?.events).toEqual(counts(0, 0, 2, 1));
    expect(result.details?.lineups).toEqual(counts(0, 0, 28, 0));
    const goals = await rows<{ minute: number; result: string }>('SELECT minute, result FROM fixture_events WHERE fixture_id = 5101 ORDER BY minute');
    expect(goals).toEqual([
      { minute: 10, result: '1-0' },
      { minute: 30, result: '1-1' },
    ]);
  });

  it('updates a corrected minute while the fixture itself is unchanged', async () => {
    const original = match(5201);
    await writer.write('fixtures', { records: [original] });
    const events = (original.detail?.events ?? []).map((e) => (e.minute === 70 ? { ...e, minute: 71 } : e));
    const result = await writer.write('fixtures', { records: [{ ...original, detail: { ...original.detail, events } }] });
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(result.details?.events).toEqual(counts(0, 1, 2, 0));
    expect(await count('SELECT COUNT(*) AS n FROM fixture_events WHERE fixture_id = 5201 AND minute = 71')).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM fixture_events WHERE fixture_id = 5201')).toBe(3);
  });

  it('leaves a kind alone when the fixture comes without it, and empties it when the source lists none', async () => {
    const original = match(5301);
    await writer.write('fixtures', { records: [original] });
    const { statistics: _statistics, ...withoutStatistics } = original.detail ?? {};
    const absent = await writer.write('fixtures', { records: [{ ...original, detail: withoutStatistics }] });
    expect(absent.details?.statistics).toBeUndefined();
    expect(await count('SELECT COUNT(*) AS n FROM fixture_statistics WHERE fixture_id = 5301')).toBe(4);

    const empty = await writer.write('fixtures', { records: [{ ...original, detail: { ...original.detail, statistics: [] } }] });
    expect(empty.details?.statistics).toEqual(counts(0, 0, 0, 4));
    expect(await count('SELECT COUNT(*) AS n FROM fixture_statistics WHERE fixture_id = 5301')).toBe(0);
    expect(await count("SELECT row_count AS n FROM fixture_detail_syncs WHERE fixture_id = 5301 AND kind = 'statistics'")).toBe(0);
  });

  it('counts the details of a lineup row that goes as deleted, not lost to the cascade', async () => {
    const original = match(5401);
    await writer.write('fixtures', { records: [original] });
    const dropped = original.detail?.lineups?.[0]?.id;
    const lineups = (original.detail?.lineups ?? []).filter((l) => l.id !== dropped);
    const lineupDetails = (original.detail?.lineupDetails ?? []).filter((d) => d.lineupId !== dropped);
    const result = await writer.write('fixtures', { records: [{ ...original, detail: { ...original.detail, lineups, lineupDetails } }] });
    expect(result.details?.lineups).toEqual(counts(0, 0, 27, 1));
    expect(result.details?.lineupDetails).toEqual(counts(0, 0, 42, 2));
    expect(await count('SELECT COUNT(*) AS n FROM fixture_lineup_details WHERE fixture_id = 5401')).toBe(42);
  });

  it('refuses detail that does not belong to the fixture or points at a missing team, and writes none of it', async () => {
    const foreign = match(5501);
    const events = (foreign.detail?.events ?? []).map((e, i) => (i === 0 ? { ...e, fixtureId: 9999 } : e));
    const unknownTeam = match(5502);
    const statistics = (unknownTeam.detail?.statistics ?? []).map((s, i) => (i === 0 ? { ...s, teamId: 777 } : s));
    const unknownType = match(5504);
    const referees = (unknownType.detail?.referees ?? []).map((r, i) => (i === 0 ? { ...r, typeId: 4242 } : r));
    const orphan = match(5503);
    const lineupDetails = (orphan.detail?.lineupDetails ?? []).map((d, i) => (i === 0 ? { ...d, lineupId: 1 } : d));
    const result = await writer.write('fixtures', {
      records: [
        { ...foreign, detail: { ...foreign.detail, events } },
        { ...unknownTeam, detail: { ...unknownTeam.detail, statistics } },
        { ...orphan, detail: { ...orphan.detail, lineupDetails } },
        { ...unknownType, detail: { ...unknownType.detail, referees } },
      ],
    });
    expect(result.failed).toEqual([
      { id: 5501, reason: `events row ${String(events[0]?.id)} belongs to fixture 9999, not 5501` },
      { id: 5502, reason: 'team 777 does not exist' },
      { id: 5503, reason: `lineup detail ${String(lineupDetails[0]?.id)} points at lineup 1, which the fixture does not list` },
      { id: 5504, reason: 'detail type 4242 does not exist' },
    ]);
    expect(await count('SELECT COUNT(*) AS n FROM fixture_events WHERE fixture_id IN (5501, 5502, 5503, 5504)')).toBe(0);
  });

  it('gives a player or referee the detail names before we have them a stub row behind the foreign key; the full record fills it', async () => {
    const result = await writer.write('fixtures', { records: [match(5701, 5, 6)] });
    expect(result.failed).toEqual([]);
    expect(result.details?.lineups).toEqual(counts(28, 0, 0, 0));
    // 14 a side in the lineups; the scorers and assisters are among them.
    const stubs = await rows<{ id: number; name: string; stub: number; country_id: number | null }>('SELECT id, name, stub, country_id FROM players WHERE id BETWEEN 500 AND 699 ORDER BY id');
    expect(stubs).toHaveLength(28);
    expect(stubs.every((p) => p.stub === 1 && p.country_id === null)).toBe(true);
    expect(stubs.find((p) => p.id === 614)?.name).toBe('Player 6-14');
    expect(await count('SELECT COUNT(*) AS n FROM referees WHERE id BETWEEN 500 AND 503 AND stub')).toBe(4);
    expect(await count('SELECT COUNT(*) AS n FROM fixture_lineups l JOIN players p ON p.id = l.player_id WHERE l.fixture_id = 5701')).toBe(28);
    // The key is real: a player the detail points at cannot go.
    await expect(ctx.db.pool.query('DELETE FROM players WHERE id = 614')).rejects.toThrow(/foreign key/i);

    const full = {
      id: 614, sportId: 1, countryId: null, nationalityId: null, cityId: null, positionId: 25, detailedPositionId: null, commonName: 'P. Six',
      firstname: 'Peter', lastname: 'Six', name: 'Peter Six', displayName: 'P. Six', imagePath: null, height: 181, weight: 77, dateOfBirth: '2001-02-03', gender: 'male',
    };
    const filled = await writer.write('players', { records: [full] });
    expect(filled).toMatchObject({ created: 1, updated: 0, unchanged: 0, failed: [] });
    const [row] = await rows<{ name: string; stub: number; height: number }>('SELECT name, stub, height FROM players WHERE id = 614');
    expect(row).toEqual({ name: 'Peter Six', stub: 0, height: 181 });
    expect(await writer.write('players', { records: [full] })).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    // Another match naming him leaves the full row as it is.
    await writer.write('fixtures', { records: [match(5702, 6, 5)] });
    const [after] = await rows<{ name: string; stub: number }>('SELECT name, stub FROM players WHERE id = 614');
    expect(after).toEqual({ name: 'Peter Six', stub: 0 });
    expect(await count('SELECT COUNT(*) AS n FROM players WHERE id BETWEEN 500 AND 699')).toBe(28);
  });

  it('lands the players and referees a page carries before its detail names them: full rows, no stubs, counted with the page', async () => {
    const f = match(5801, 3, 4);
    const players = [...new Set((f.detail?.lineups ?? []).map((l) => l.playerId))].map((id) => ({
      id: id ?? 0, sportId: 1, countryId: null, nationalityId: null, cityId: null, positionId: 25, detailedPositionId: null, commonName: `C${String(id)}`,
      firstname: 'First', lastname: `Last ${String(id)}`, name: `First Last ${String(id)}`, displayName: `F. Last ${String(id)}`, imagePath: null, height: 180, weight: 75, dateOfBirth: '2000-01-01', gender: 'male',
    }));
    const referees = [...new Set((f.detail?.referees ?? []).map((r) => r.refereeId))].map((id) => ({
      id, sportId: 1, countryId: null, cityId: null, commonName: `R${String(id)}`, firstname: 'Ref', lastname: `Eree ${String(id)}`, name: `Ref Eree ${String(id)}`, displayName: `R. Eree ${String(id)}`,
      imagePath: null, height: null, weight: null, dateOfBirth: null, gender: 'male',
    }));
    const result = await writer.write('fixtures', { records: [f], related: { players, referees } });
    expect(result.failed).toEqual([]);
    // The fixture; the 28 players and 4 referees as nested records (the stubs earlier matches left for them filled: created).
    expect(result.created).toBe(1);
    expect(result.nested).toEqual({ players: { created: 28, updated: 0, unchanged: 0 }, referees: { created: 4, updated: 0, unchanged: 0 } });
    const named = await rows<{ stub: number; height: number | null }>('SELECT p.stub, p.height FROM fixture_lineups l JOIN players p ON p.id = l.player_id WHERE l.fixture_id = 5801');
    expect(named).toHaveLength(28);
    expect(named.every((p) => p.stub === 0 && p.height === 180)).toBe(true);
    expect(await count('SELECT COUNT(*) AS n FROM fixture_referees fr JOIN referees r ON r.id = fr.referee_id WHERE fr.fixture_id = 5801 AND NOT r.stub')).toBe(4);

    const again = await writer.write('fixtures', { records: [f], related: { players, referees } });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, nested: { players: { created: 0, updated: 0, unchanged: 28 }, referees: { created: 0, updated: 0, unchanged: 4 } } });
  });

  it('adds a page’s detail rows and the includes the plan lacked to its run', async () => {
    const inserted = await ctx.db.pool.query<{ insertId: number | bigint }>(
      "INSERT INTO sync_runs (entity, mode, scope, scope_key, status, updated_at) VALUES ('fixtures', 'full', '{}', 'detail-run', 'running', NOW(3))",
    );
    const runId = Number(inserted.insertId);
    const add = { pages: 1, fetched: 1, created: 0, updated: 0, unchanged: 0, quarantined: 0, upstreamCalls: 1, rateLimitWaitMs: 0 };
    const { statistics: _s, ...noStatistics } = match(5601).detail ?? {};
    await writer.write('fixtures', { records: [{ ...match(5601), detail: noStatistics }], sync: { runId, pageKey: 'p1', checkpoint: { cursor: 'p1', add, unavailableIncludes: ['statistics'] } } });
    await writer.write('fixtures', { records: [match(5602)], sync: { runId, pageKey: 'p2', after: 'p1', checkpoint: { cursor: 'p2', add } } });
    const [run] = await rows<{ detail: string | object }>('SELECT detail FROM sync_runs WHERE id = ?', [runId]);
    const detail: unknown = typeof run?.detail === 'string' ? JSON.parse(run.detail) : run?.detail;
    expect(detail).toMatchObject({ unavailable: ['statistics'], rows: { events: counts(6, 0, 0, 0), statistics: counts(4, 0, 0, 0), lineups: counts(56, 0, 0, 0) } });
  });
});
