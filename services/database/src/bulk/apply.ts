// Applies records of one entity inside a transaction the caller holds: checks references,
// locks and reads the stored rows, and writes only what is new or changed, so the counts it
// returns are exact and an identical record writes nothing.
import { createHash } from 'node:crypto';
import type { DetailCounts, NestedCounts } from '@insightxi/contracts';
import type { Connection } from '../db.ts';
import type { EntitySpec, ExistingRow } from '../entities/spec.ts';
import { placeholders, quoteName, type SqlValue } from '../sql.ts';

export interface Failure {
  id: number;
  reason: string;
}

export interface ApplyResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: Failure[];
  /** Ids refused because they exist (mode `create`) or do not (mode `replace`). */
  conflicts: number[];
  missing: number[];
  /** Counts of the nested records (players of squads …) by entity, when any came. */
  nested: Record<string, NestedCounts>;
  /** Fixtures: the child rows of each detail kind the records carried. */
  details?: DetailCounts;
}

/** `upsert` for bulk calls; `create` (POST) refuses existing ids; `replace` (PUT) refuses unknown ids. */
export type ApplyMode = 'upsert' | 'create' | 'replace';

export interface ApplyOptions {
  mode: ApplyMode;
  now: Date;
}

/** Content hash of what the source told us: equal hashes mean an identical record. */
export function contentHash<R extends { id: number }>(spec: EntitySpec<R>, record: R): string {
  const context = { now: new Date(0), existing: undefined };
  const values: unknown[] = spec.columns.filter((c) => c.hashed !== false).map((c) => c.value(record, context));
  if (spec.extraHashInput) values.push(spec.extraHashInput(record));
  return createHash('sha1').update(JSON.stringify(values)).digest('hex');
}

/** The last occurrence of each id wins, in id order: every writer locks rows in the same order. */
function lastById<R extends { id: number }>(records: readonly R[]): R[] {
  const byId = new Map<number, R>();
  for (const record of records) byId.set(record.id, record);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function inList(count: number): string {
  return new Array<string>(count).fill('?').join(', ');
}

/** Why each record (or part of one: keyed by the object) cannot land, when it cannot. */
type Problems<R> = Map<R, string[]>;

async function missingReferences<R extends { id: number }>(connection: Connection, spec: EntitySpec<R>, records: readonly R[]): Promise<Problems<R>> {
  const problems: Problems<R> = new Map();
  for (const reference of spec.references) {
    const wanted = new Set<number>();
    for (const record of records) for (const id of reference.ids(record)) if (id !== null) wanted.add(id);
    if (wanted.size === 0) continue;
    const ids = [...wanted].sort((a, b) => a - b);
    // A shared lock: the referenced rows cannot vanish before this transaction commits.
    const rows = await connection.query<{ id: number }[]>(
      `SELECT id FROM ${quoteName(reference.table)} WHERE id IN (${inList(ids.length)}) LOCK IN SHARE MODE`,
      ids,
    );
    const found = new Set(rows.map((row) => row.id));
    for (const record of records) {
      const absent = [...new Set(reference.ids(record))].filter((id): id is number => id !== null && !found.has(id));
      if (absent.length === 0) continue;
      problems.set(record, [...(problems.get(record) ?? []), ...absent.map((id) => `${reference.label} ${id} does not exist`)]);
    }
  }
  return problems;
}

/** Adds one part's counts to the nested counts of `entity`. */
export function addNested(counts: Record<string, NestedCounts>, entity: string, part: NestedCounts): void {
  const sum = counts[entity] ?? { created: 0, updated: 0, unchanged: 0 };
  counts[entity] = { created: sum.created + part.created, updated: sum.updated + part.updated, unchanged: sum.unchanged + part.unchanged };
}

/**
 * Upserts the records nested in `records` through their own specs and says which parents
 * cannot land because a nested record of theirs did not (with that record's reason).
 */
async function applyNested<R extends { id: number }>(
  connection: Connection,
  spec: EntitySpec<R>,
  records: readonly R[],
  now: Date,
  counts: Record<string, NestedCounts>,
): Promise<Problems<R>> {
  const problems: Problems<R> = new Map();
  for (const nested of spec.nested ?? []) {
    const inner = records.flatMap((record) => nested.records(record));
    if (inner.length === 0) continue;
    const part = await applyRecords(connection, nested.spec, inner, { mode: 'upsert', now });
    addNested(counts, nested.spec.entity, part);
    const failed = new Map(part.failed.map((f) => [f.id, f.reason]));
    if (failed.size === 0) continue;
    for (const record of records) {
      for (const item of nested.records(record)) {
        const reason = failed.get(item.id);
        if (reason !== undefined) problems.set(record, [...(problems.get(record) ?? []), `${nested.label} ${item.id}: ${reason}`]);
      }
    }
  }
  return problems;
}

async function lockExisting<R extends { id: number }>(connection: Connection, spec: EntitySpec<R>, ids: readonly number[]): Promise<Map<number, ExistingRow>> {
  if (ids.length === 0) return new Map();
  const columns = ['id', 'content_hash', ...(spec.existingColumns ?? [])].map(quoteName).join(', ');
  const rows = await connection.query<ExistingRow[]>(
    `SELECT ${columns} FROM ${quoteName(spec.table)} WHERE id IN (${inList(ids.length)}) FOR UPDATE`,
    ids,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

async function writeRows<R extends { id: number }>(
  connection: Connection,
  spec: EntitySpec<R>,
  rows: readonly { record: R; hash: string; existing: ExistingRow | undefined }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const names = [...spec.columns.map((c) => c.name), 'content_hash', 'created_at', 'updated_at'];
  const updates = [...spec.columns.filter((c) => c.name !== 'id').map((c) => c.name), 'content_hash', 'updated_at']
    .map((name) => `${quoteName(name)} = VALUES(${quoteName(name)})`)
    .join(', ');
  const values: SqlValue[] = [];
  for (const { record, hash, existing } of rows) {
    for (const c of spec.columns) values.push(c.value(record, { now, existing }));
    values.push(hash, now, now);
  }
  const row = placeholders(names.length);
  await connection.query(
    `INSERT INTO ${quoteName(spec.table)} (${names.map(quoteName).join(', ')}) VALUES ${rows.map(() => row).join(', ')} ON DUPLICATE KEY UPDATE ${updates}`,
    values,
  );
}

/** Why a part failed: its label first, so the failure names it (failedPart). */
const partReason = (label: string, reasons: readonly string[]): string => `${label}: ${reasons.join('; ')}`;

/** The part of `record` a failure stands for (a team's squad), for a spec with parts; else undefined. */
export function failedPart<R extends { id: number }>(spec: EntitySpec<R>, record: R, reason: string): R | undefined {
  const parts = spec.parts;
  return parts?.split(record).find((part) => reason.startsWith(partReason(parts.label(part), [])));
}

/** The parts that can land, joined back into their records (in id order, as they were split). */
function joinParts<R extends { id: number }>(parts: NonNullable<EntitySpec<R>['parts']>, landing: readonly R[]): R[] {
  const byId = new Map<number, R[]>();
  for (const part of landing) byId.set(part.id, [...(byId.get(part.id) ?? []), part]);
  return [...byId.values()].map((list) => parts.join(list));
}

export async function applyRecords<R extends { id: number }>(
  connection: Connection,
  spec: EntitySpec<R>,
  input: readonly R[],
  options: ApplyOptions,
): Promise<ApplyResult> {
  const result: ApplyResult = { created: 0, updated: 0, unchanged: 0, failed: [], conflicts: [], missing: [], nested: {} };
  const records = lastById(input);
  const acceptable: R[] = [];
  for (const record of records) {
    const reason = spec.check?.(record);
    if (reason === undefined) acceptable.push(record);
    else result.failed.push({ id: record.id, reason });
  }
  const refused = (problems: Problems<R>) => (record: R) => {
    const reasons = problems.get(record);
    if (reasons) result.failed.push({ id: record.id, reason: spec.parts ? partReason(spec.parts.label(record), reasons) : reasons.join('; ') });
    return !reasons;
  };
  const pieces = spec.parts ? acceptable.flatMap((record) => spec.parts?.split(record) ?? []) : acceptable;
  const withNested = pieces.filter(refused(await applyNested(connection, spec, pieces, options.now, result.nested)));
  const landing = withNested.filter(refused(await missingReferences(connection, spec, withNested)));
  const candidates = spec.parts ? joinParts(spec.parts, landing) : landing;

  const existing = await lockExisting(connection, spec, candidates.map((r) => r.id));
  const toWrite: { record: R; hash: string; existing: ExistingRow | undefined }[] = [];
  const landed: R[] = [];
  for (const record of candidates) {
    const stored = existing.get(record.id);
    // A stub is not the record: `create` may fill it and `replace` may not (the record does not exist yet).
    const placeholder = stored !== undefined && spec.placeholder?.(stored) === true;
    if (options.mode === 'create' && stored && !placeholder) {
      result.conflicts.push(record.id);
      continue;
    }
    if (options.mode === 'replace' && (!stored || placeholder)) {
      result.missing.push(record.id);
      continue;
    }
    landed.push(record);
    const hash = contentHash(spec, record);
    if (stored?.content_hash === hash) {
      result.unchanged += 1;
      continue;
    }
    if (stored && !placeholder) result.updated += 1;
    else result.created += 1;
    toWrite.push({ record, hash, existing: stored });
  }
  await writeRows(connection, spec, toWrite, options.now);
  if (spec.writeChildren) await spec.writeChildren(connection, toWrite.map((w) => ({ record: w.record, existed: w.existing !== undefined })), options.now);
  // Detail has its own hashes: it can change while the record itself is unchanged (a corrected minute).
  if (spec.writeDetails) {
    const details = await spec.writeDetails(connection, landed, options.now);
    if (Object.keys(details).length > 0) result.details = details;
  }
  result.failed.sort((a, b) => a.id - b.id);
  return result;
}
