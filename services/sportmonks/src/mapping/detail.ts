// A fixture's match-detail includes (events, lineups and their details, statistics, referees,
// formations; sportmonks-details.md §4, §8) → the contract's FixtureDetail. Only the kinds the
// call asked for are read: a kind that was not asked for stays absent, so the writer keeps what
// it has; one that was asked for and came back empty is the empty set.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { DetailKind, FixtureDetail, FixtureEvent, FixtureLineup, FixtureLineupDetail } from '@insightxi/contracts';
import { orNull, toBool, toInt, toNumber } from './convert.ts';
import { BoolLike, IntLike, NumLike } from './raw.ts';

const Id = Type.Integer({ minimum: 1 });
const Opt = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const Text = Type.String();
/** `data: { value }`; the value is a number, or something richer we keep as NULL. */
const Data = Type.Optional(Type.Union([Type.Object({ value: Type.Optional(Type.Unknown()) }), Type.Null()]));

const RawEvent = Type.Object({
  id: Id,
  fixture_id: Opt(IntLike),
  period_id: Opt(IntLike),
  participant_id: Opt(IntLike),
  type_id: IntLike,
  sub_type_id: Opt(IntLike),
  player_id: Opt(IntLike),
  player_name: Opt(Text),
  related_player_id: Opt(IntLike),
  related_player_name: Opt(Text),
  result: Opt(Text),
  info: Opt(Text),
  addition: Opt(Text),
  minute: Opt(IntLike),
  extra_minute: Opt(IntLike),
  injured: Opt(BoolLike),
  on_bench: Opt(BoolLike),
  sort_order: Opt(IntLike),
});

const RawLineupDetail = Type.Object({
  id: Id,
  fixture_id: Opt(IntLike),
  lineup_id: Opt(IntLike),
  team_id: Opt(IntLike),
  player_id: Opt(IntLike),
  type_id: IntLike,
  data: Data,
});

const RawLineup = Type.Object({
  id: Id,
  fixture_id: Opt(IntLike),
  team_id: IntLike,
  player_id: Opt(IntLike),
  player_name: Opt(Text),
  type_id: IntLike,
  position_id: Opt(IntLike),
  formation_field: Opt(Text),
  formation_position: Opt(IntLike),
  jersey_number: Opt(IntLike),
  details: Type.Optional(Type.Union([Type.Array(Type.Unknown()), Type.Null()])),
});

const RawStatistic = Type.Object({
  id: Id,
  fixture_id: Opt(IntLike),
  participant_id: IntLike,
  type_id: IntLike,
  data: Data,
  location: Opt(Text),
});

const RawFixtureReferee = Type.Object({ id: Id, fixture_id: Opt(IntLike), referee_id: IntLike, type_id: IntLike });

const RawFormation = Type.Object({ id: Id, fixture_id: Opt(IntLike), participant_id: IntLike, formation: Type.String({ minLength: 1 }), location: Opt(Text) });

const CHECKS = {
  event: TypeCompiler.Compile(RawEvent),
  lineup: TypeCompiler.Compile(RawLineup),
  lineupDetail: TypeCompiler.Compile(RawLineupDetail),
  statistic: TypeCompiler.Compile(RawStatistic),
  referee: TypeCompiler.Compile(RawFixtureReferee),
  formation: TypeCompiler.Compile(RawFormation),
};
interface Raws {
  event: Static<typeof RawEvent>;
  lineup: Static<typeof RawLineup>;
  lineupDetail: Static<typeof RawLineupDetail>;
  statistic: Static<typeof RawStatistic>;
  referee: Static<typeof RawFixtureReferee>;
  formation: Static<typeof RawFormation>;
}

type Outcome<T> = { ok: true; record: T } | { ok: false; reason: string };

const NumberValue = TypeCompiler.Compile(NumLike);
const valueOf = (data: Static<typeof Data> | undefined): number | null => {
  const value = data?.value;
  return NumberValue.Check(value) ? toNumber(value) : null;
};
const id = (value: number | string | null | undefined): number | null => {
  const n = toInt(value);
  return n !== null && n > 0 ? n : null;
};
/** SportMonks pads some names with spaces. */
const name = (value: string | null | undefined): string | null => orNull(value?.trim());
const side = (value: string | null | undefined): 'home' | 'away' | null => (value === 'home' || value === 'away' ? value : null);
const flag = (value: boolean | 0 | 1 | null | undefined): boolean | null => (value === null || value === undefined ? null : toBool(value));

/** Reads every item of a list with `check`, or names the first one that does not fit. */
function readAll<S extends keyof Raws, T>(list: unknown[], what: S, map: (raw: Raws[S]) => T): Outcome<T[]> {
  const out: T[] = [];
  const check: { Check(value: unknown): boolean; Errors(value: unknown): Iterable<{ path: string; message: string }> } = CHECKS[what];
  for (const item of list) {
    if (!check.Check(item)) {
      const problem = [...check.Errors(item)][0];
      return { ok: false, reason: `bad ${what} in the match detail: ${problem ? `${problem.path} ${problem.message.toLowerCase()}` : 'unreadable'}` };
    }
    out.push(map(item as Raws[S]));
  }
  return { ok: true, record: out };
}

function event(fixtureId: number) {
  return (e: Static<typeof RawEvent>): FixtureEvent => ({
    id: e.id,
    fixtureId,
    periodId: id(e.period_id),
    teamId: id(e.participant_id),
    playerId: id(e.player_id),
    playerName: name(e.player_name),
    relatedPlayerId: id(e.related_player_id),
    relatedPlayerName: name(e.related_player_name),
    typeId: toInt(e.type_id) ?? 0,
    subTypeId: id(e.sub_type_id),
    minute: toInt(e.minute),
    extraMinute: toInt(e.extra_minute),
    result: orNull(e.result),
    info: orNull(e.info),
    addition: orNull(e.addition),
    injured: flag(e.injured),
    onBench: flag(e.on_bench),
    sortOrder: toInt(e.sort_order),
  });
}

function lineup(fixtureId: number) {
  return (l: Static<typeof RawLineup>): FixtureLineup & { details: unknown[] } => ({
    id: l.id,
    fixtureId,
    teamId: toInt(l.team_id) ?? 0,
    playerId: id(l.player_id),
    playerName: name(l.player_name),
    typeId: toInt(l.type_id) ?? 0,
    positionId: id(l.position_id),
    formationField: orNull(l.formation_field),
    formationPosition: toInt(l.formation_position),
    jerseyNumber: toInt(l.jersey_number),
    details: l.details ?? [],
  });
}

function lineupDetail(fixtureId: number, owner: FixtureLineup) {
  return (d: Static<typeof RawLineupDetail>): FixtureLineupDetail => ({
    id: d.id,
    fixtureId,
    lineupId: id(d.lineup_id) ?? owner.id,
    teamId: id(d.team_id) ?? owner.teamId,
    playerId: id(d.player_id) ?? owner.playerId,
    typeId: toInt(d.type_id) ?? 0,
    value: valueOf(d.data),
  });
}

/** The raw fixture's keys of the kinds read straight off it. */
const KEYS = { events: 'events', lineups: 'lineups', statistics: 'statistics', referees: 'referees', formations: 'formations' } as const;

const listAt = (raw: Record<string, unknown>, key: string): unknown[] | undefined => {
  const value = raw[key];
  return Array.isArray(value) ? value : undefined;
};

/**
 * The detail of kinds `wanted` present on the raw fixture; undefined when none was asked for.
 * A kind asked for but absent from the answer stays absent (nothing is replaced on a guess).
 */
export function readDetail(raw: Record<string, unknown>, fixtureId: number, wanted: readonly DetailKind[]): Outcome<FixtureDetail | undefined> {
  if (wanted.length === 0) return { ok: true, record: undefined };
  const detail: FixtureDetail = {};
  const events = listAt(raw, KEYS.events);
  if (wanted.includes('events') && events) {
    const read = readAll(events, 'event', event(fixtureId));
    if (!read.ok) return read;
    detail.events = read.record;
  }
  const lineups = listAt(raw, KEYS.lineups);
  if (wanted.includes('lineups') && lineups) {
    const read = readAll(lineups, 'lineup', lineup(fixtureId));
    if (!read.ok) return read;
    detail.lineups = read.record.map(({ details: _details, ...row }) => row);
    if (wanted.includes('lineupDetails')) {
      const rows: FixtureLineupDetail[] = [];
      for (const owner of read.record) {
        const details = readAll(owner.details, 'lineupDetail', lineupDetail(fixtureId, owner));
        if (!details.ok) return details;
        rows.push(...details.record);
      }
      detail.lineupDetails = rows;
    }
  }
  const statistics = listAt(raw, KEYS.statistics);
  if (wanted.includes('statistics') && statistics) {
    const read = readAll(statistics, 'statistic', (s) => ({
      id: s.id,
      fixtureId,
      teamId: toInt(s.participant_id) ?? 0,
      typeId: toInt(s.type_id) ?? 0,
      value: valueOf(s.data),
      location: side(s.location),
    }));
    if (!read.ok) return read;
    detail.statistics = read.record;
  }
  const referees = listAt(raw, KEYS.referees);
  if (wanted.includes('referees') && referees) {
    const read = readAll(referees, 'referee', (r) => ({ id: r.id, fixtureId, refereeId: toInt(r.referee_id) ?? 0, typeId: toInt(r.type_id) ?? 0 }));
    if (!read.ok) return read;
    detail.referees = read.record;
  }
  const formations = listAt(raw, KEYS.formations);
  if (wanted.includes('formations') && formations) {
    const read = readAll(formations, 'formation', (f) => ({
      id: f.id,
      fixtureId,
      teamId: toInt(f.participant_id) ?? 0,
      formation: f.formation.trim(),
      location: side(f.location),
    }));
    if (!read.ok) return read;
    detail.formations = read.record;
  }
  return { ok: true, record: detail };
}
