// Replaces the match detail of fixtures that landed, inside the caller's transaction, exactly:
// per fixture and kind the incoming set is the whole truth — rows are upserted by SportMonks id,
// rows the source no longer lists (a goal cancelled by VAR) are deleted, and the counts say
// which rows were created, updated, unchanged or deleted. A set whose hash equals the stored
// one (fixture_detail_syncs) is recognised without reading its rows and writes nothing.
import { createHash } from 'node:crypto';
import { DETAIL_KINDS, chunks, zeroChildCounts, type ChildCounts, type DetailCounts, type DetailKind, type DetailRecords, type Fixture } from '@insightxi/contracts';
import type { Connection } from '../db.ts';
import { placeholders, quoteName, type SqlValue } from '../sql.ts';
import { STUB_CONTENT_HASH, STUB_SPORT_ID } from '../entities/people.ts';
import { CHILD_SPECS, columnNames, rowValues, type ChildSpec, type NamedPerson } from './kinds.ts';

/** Rows per INSERT statement: a fixture's lineup details alone can be ~900 rows. */
const ROWS_PER_STATEMENT = 1000;
/** Ids per IN (…) list. */
const IDS_PER_QUERY = 5000;

type AnyRow = DetailRecords[DetailKind];

interface Incoming {
  row: AnyRow;
  hash: string;
}

/** What one kind brings for the fixtures that carry it. */
interface KindPlan {
  kind: DetailKind;
  /** Per fixture: its rows with their hashes, and the hash of the whole set. */
  sets: Map<number, { rows: Incoming[]; hash: string }>;
  counts: ChildCounts;
  /** Fixtures whose set differs from the stored one. */
  changed: number[];
  toWrite: Incoming[];
  toDelete: number[];
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

function rowHash<K extends DetailKind>(spec: ChildSpec<K>, row: DetailRecords[K]): string {
  return sha1(JSON.stringify(rowValues(spec, row)));
}

function setHash(rows: readonly Incoming[]): string {
  return sha1(JSON.stringify([...rows].sort((a, b) => a.row.id - b.row.id).map((r) => [r.row.id, r.hash])));
}

function inList(count: number): string {
  return new Array<string>(count).fill('?').join(', ');
}

function planKind(kind: DetailKind, fixtures: readonly Fixture[]): KindPlan | null {
  const spec = CHILD_SPECS[kind] as ChildSpec<DetailKind>;
  const sets = new Map<number, { rows: Incoming[]; hash: string }>();
  for (const fixture of fixtures) {
    const rows = fixture.detail?.[kind] as AnyRow[] | undefined;
    if (rows === undefined) continue;
    const incoming = rows.map((row) => ({ row, hash: rowHash(spec, row) }));
    sets.set(fixture.id, { rows: incoming, hash: setHash(incoming) });
  }
  if (sets.size === 0) return null;
  return { kind, sets, counts: zeroChildCounts(), changed: [], toWrite: [], toDelete: [] };
}

/** The stored set hashes of these fixtures, locked: two writers of one fixture's detail queue up. */
async function lockSetHashes(connection: Connection, fixtureIds: readonly number[]): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  for (const ids of chunks(fixtureIds, IDS_PER_QUERY)) {
    const rows = await connection.query<{ fixture_id: number; kind: string; content_hash: string }[]>(
      `SELECT fixture_id, kind, content_hash FROM fixture_detail_syncs WHERE fixture_id IN (${inList(ids.length)}) FOR UPDATE`,
      ids,
    );
    for (const row of rows) stored.set(`${row.fixture_id}:${row.kind}`, row.content_hash);
  }
  return stored;
}

/**
 * Compares a changed kind's incoming rows with the stored ones: those of its changed fixtures,
 * and any row with an incoming id wherever it is stored (a row that moved fixture is an update).
 */
async function diffRows(connection: Connection, plan: KindPlan): Promise<void> {
  const spec = CHILD_SPECS[plan.kind];
  const incoming = new Map<number, Incoming>();
  for (const fixtureId of plan.changed) for (const item of plan.sets.get(fixtureId)?.rows ?? []) incoming.set(item.row.id, item);
  const stored = new Map<number, string>();
  const ownedByChanged = new Set<number>();
  const incomingIds = [...incoming.keys()].sort((a, b) => a - b);
  for (const fixtureIds of chunks(plan.changed, IDS_PER_QUERY)) {
    const rows = await connection.query<{ id: bigint | number; fixture_id: number; content_hash: string }[]>(
      `SELECT id, fixture_id, content_hash FROM ${quoteName(spec.table)} WHERE fixture_id IN (${inList(fixtureIds.length)}) ORDER BY id FOR UPDATE`,
      fixtureIds,
    );
    for (const row of rows) {
      stored.set(Number(row.id), row.content_hash);
      ownedByChanged.add(Number(row.id));
    }
  }
  const strays = incomingIds.filter((id) => !stored.has(id));
  for (const ids of chunks(strays, IDS_PER_QUERY)) {
    const rows = await connection.query<{ id: bigint | number; content_hash: string }[]>(
      `SELECT id, content_hash FROM ${quoteName(spec.table)} WHERE id IN (${inList(ids.length)}) FOR UPDATE`,
      ids,
    );
    for (const row of rows) stored.set(Number(row.id), row.content_hash);
  }
  for (const [id, item] of incoming) {
    const hash = stored.get(id);
    if (hash === item.hash) plan.counts.unchanged += 1;
    else {
      if (hash === undefined) plan.counts.created += 1;
      else plan.counts.updated += 1;
      plan.toWrite.push(item);
    }
  }
  for (const id of ownedByChanged) {
    if (!incoming.has(id)) plan.toDelete.push(id);
  }
  plan.counts.deleted = plan.toDelete.length;
}

async function deleteRows(connection: Connection, plan: KindPlan): Promise<void> {
  const table = quoteName(CHILD_SPECS[plan.kind].table);
  for (const ids of chunks(plan.toDelete.sort((a, b) => a - b), IDS_PER_QUERY)) {
    await connection.query(`DELETE FROM ${table} WHERE id IN (${inList(ids.length)})`, ids);
  }
}

async function writeRows(connection: Connection, plan: KindPlan, now: Date): Promise<void> {
  const spec = CHILD_SPECS[plan.kind] as ChildSpec<DetailKind>;
  const names = [...columnNames(spec), 'content_hash', 'created_at', 'updated_at'];
  const updates = names
    .filter((name) => name !== 'id' && name !== 'created_at')
    .map((name) => `${quoteName(name)} = VALUES(${quoteName(name)})`)
    .join(', ');
  const row = placeholders(names.length);
  const sorted = plan.toWrite.sort((a, b) => a.row.id - b.row.id);
  for (const part of chunks(sorted, ROWS_PER_STATEMENT)) {
    const values: SqlValue[] = [];
    for (const item of part) values.push(...rowValues(spec, item.row), item.hash, now, now);
    await connection.query(
      `INSERT INTO ${quoteName(spec.table)} (${names.map(quoteName).join(', ')}) VALUES ${part.map(() => row).join(', ')} ON DUPLICATE KEY UPDATE ${updates}`,
      values,
    );
  }
}

/**
 * Inserts a stub row for each person the rows to write name that is not stored yet (id, the
 * name the detail carries, `stub` set), so the foreign keys hold and no detail row waits for a
 * person; a stored row, stub or full, is left as it is. The full record overwrites a stub later.
 */
async function stubPeople(connection: Connection, plans: readonly KindPlan[], now: Date): Promise<void> {
  const named: Record<NamedPerson['table'], Map<number, string | null>> = { players: new Map(), referees: new Map() };
  for (const plan of plans) {
    const spec = CHILD_SPECS[plan.kind] as ChildSpec<DetailKind>;
    if (spec.people === undefined) continue;
    for (const item of plan.toWrite) {
      for (const person of spec.people(item.row)) {
        if (person.id === null) continue;
        const seen = named[person.table];
        if (seen.get(person.id) == null) seen.set(person.id, person.name?.trim() ?? null);
      }
    }
  }
  for (const [table, people] of Object.entries(named)) {
    if (people.size === 0) continue;
    const ids = [...people.keys()].sort((a, b) => a - b);
    const stored = new Set<number>();
    for (const part of chunks(ids, IDS_PER_QUERY)) {
      const rows = await connection.query<{ id: number }[]>(`SELECT id FROM ${quoteName(table)} WHERE id IN (${inList(part.length)})`, part);
      for (const row of rows) stored.add(row.id);
    }
    const missing = ids.filter((id) => !stored.has(id));
    for (const part of chunks(missing, ROWS_PER_STATEMENT)) {
      const values = part.flatMap((id): SqlValue[] => [id, STUB_SPORT_ID, people.get(id) ?? '', true, STUB_CONTENT_HASH, now, now]);
      // Another writer may have stored the person since the read: its row wins.
      await connection.query(
        `INSERT INTO ${quoteName(table)} (id, sport_id, name, stub, content_hash, created_at, updated_at) VALUES ${part.map(() => placeholders(7)).join(', ')} ON DUPLICATE KEY UPDATE id = id`,
        values,
      );
    }
  }
}

async function noteSets(connection: Connection, plans: readonly KindPlan[], now: Date): Promise<void> {
  const values: SqlValue[] = [];
  for (const plan of plans) {
    for (const fixtureId of plan.changed) {
      const set = plan.sets.get(fixtureId);
      if (set) values.push(fixtureId, plan.kind, set.rows.length, set.hash, now, now);
    }
  }
  const width = 6;
  for (const part of chunks(values, width * ROWS_PER_STATEMENT)) {
    const rows = part.length / width;
    await connection.query(
      `INSERT INTO fixture_detail_syncs (fixture_id, kind, row_count, content_hash, created_at, updated_at) VALUES ${new Array<string>(rows).fill(placeholders(width)).join(', ')}
       ON DUPLICATE KEY UPDATE row_count = VALUES(row_count), content_hash = VALUES(content_hash), updated_at = VALUES(updated_at)`,
      part,
    );
  }
}

/** Replaces the detail the fixtures carry; kinds no fixture carries are left alone (and uncounted). */
export async function replaceDetails(connection: Connection, fixtures: readonly Fixture[], now: Date): Promise<DetailCounts> {
  const plans = DETAIL_KINDS.map((kind) => planKind(kind, fixtures)).filter((p): p is KindPlan => p !== null);
  if (plans.length === 0) return {};
  const fixtureIds = [...new Set(plans.flatMap((p) => [...p.sets.keys()]))].sort((a, b) => a - b);
  const storedHashes = await lockSetHashes(connection, fixtureIds);
  for (const plan of plans) {
    for (const [fixtureId, set] of plan.sets) {
      if (storedHashes.get(`${fixtureId}:${plan.kind}`) === set.hash) plan.counts.unchanged += set.rows.length;
      else plan.changed.push(fixtureId);
    }
    plan.changed.sort((a, b) => a - b);
    if (plan.changed.length > 0) await diffRows(connection, plan);
  }
  // Deletes child-first (a lineup's details before the lineup), writes parent-first.
  for (const plan of [...plans].reverse()) await deleteRows(connection, plan);
  await stubPeople(connection, plans, now);
  for (const plan of plans) await writeRows(connection, plan, now);
  await noteSets(connection, plans, now);
  return Object.fromEntries(plans.map((p) => [p.kind, p.counts]));
}

/** Why a fixture's detail cannot land as sent; undefined when it can. */
export function detailProblem(fixture: Fixture): string | undefined {
  const detail = fixture.detail;
  if (detail === undefined) return undefined;
  for (const kind of DETAIL_KINDS) {
    const rows = detail[kind] as AnyRow[] | undefined;
    if (rows === undefined) continue;
    const ids = new Set<number>();
    for (const row of rows) {
      if (row.fixtureId !== fixture.id) return `${kind} row ${row.id} belongs to fixture ${row.fixtureId}, not ${fixture.id}`;
      if (ids.has(row.id)) return `${kind} row ${row.id} appears twice`;
      ids.add(row.id);
    }
  }
  if (detail.lineupDetails !== undefined && detail.lineupDetails.length > 0) {
    if (detail.lineups === undefined) return 'lineup details came without their lineups';
    const lineups = new Set(detail.lineups.map((l) => l.id));
    const orphan = detail.lineupDetails.find((d) => !lineups.has(d.lineupId));
    if (orphan) return `lineup detail ${orphan.id} points at lineup ${orphan.lineupId}, which the fixture does not list`;
  }
  return undefined;
}

/** Every type id the fixture's detail points at (kinds, sub-kinds, positions, statistics, roles). */
export function detailTypeIds(fixture: Fixture): (number | null)[] {
  const d = fixture.detail;
  if (d === undefined) return [];
  return [
    ...(d.events ?? []).flatMap((e) => [e.typeId, e.subTypeId]),
    ...(d.lineups ?? []).flatMap((l) => [l.typeId, l.positionId]),
    ...(d.lineupDetails ?? []).map((l) => l.typeId),
    ...(d.statistics ?? []).map((s) => s.typeId),
    ...(d.referees ?? []).map((r) => r.typeId),
  ];
}

/** Every team id the fixture's detail points at. */
export function detailTeamIds(fixture: Fixture): (number | null)[] {
  const detail = fixture.detail;
  if (detail === undefined) return [];
  return DETAIL_KINDS.flatMap((kind) => ((detail[kind] ?? []) as AnyRow[]).flatMap((row) => (CHILD_SPECS[kind] as ChildSpec<DetailKind>).teamIds(row)));
}
