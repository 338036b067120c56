// The `include` parameter: `;` separates includes, `.` nests, `:` selects fields of the last one.

export type Kind =
  | 'fixture'
  | 'team'
  | 'venue'
  | 'league'
  | 'season'
  | 'stage'
  | 'round'
  | 'group'
  | 'aggregate'
  | 'state'
  | 'score'
  | 'standing'
  | 'detail'
  | 'continent'
  | 'country'
  | 'type'
  | 'event'
  | 'lineup'
  | 'lineupdetail'
  | 'formation'
  | 'statistic'
  | 'fixturereferee'
  | 'player'
  | 'referee'
  | 'squad'
  | 'topscorer';

export const INCLUDES: Record<Kind, Record<string, Kind>> = {
  fixture: {
    participants: 'team',
    scores: 'score',
    state: 'state',
    venue: 'venue',
    league: 'league',
    season: 'season',
    stage: 'stage',
    round: 'round',
    group: 'group',
    aggregate: 'aggregate',
    events: 'event',
    lineups: 'lineup',
    formations: 'formation',
    statistics: 'statistic',
    referees: 'fixturereferee',
  },
  team: { venue: 'venue' },
  venue: {},
  league: { seasons: 'season' },
  season: { league: 'league', stages: 'stage', rounds: 'round', teams: 'team', fixtures: 'fixture' },
  stage: { league: 'league', season: 'season', rounds: 'round', groups: 'group', aggregates: 'aggregate', fixtures: 'fixture' },
  round: { league: 'league', season: 'season', stage: 'stage', fixtures: 'fixture' },
  group: { stage: 'stage', fixtures: 'fixture' },
  aggregate: { stage: 'stage', fixtures: 'fixture' },
  state: {},
  score: {},
  standing: { participant: 'team', details: 'detail', league: 'league', season: 'season', stage: 'stage', group: 'group', round: 'round' },
  detail: {},
  continent: {},
  country: { continent: 'continent' },
  // Types take no includes upstream ("a total of 0 nested includes").
  type: {},
  event: { player: 'player', type: 'type' },
  lineup: { player: 'player', details: 'lineupdetail' },
  lineupdetail: { type: 'type' },
  formation: {},
  statistic: { type: 'type' },
  fixturereferee: { referee: 'referee', type: 'type' },
  // The response key of detailedPosition is lower-cased, as SportMonks sends some keys.
  player: { country: 'country', nationality: 'country', position: 'type', detailedPosition: 'type' },
  referee: {},
  squad: { player: 'player', team: 'team' },
  topscorer: { player: 'player', participant: 'team' },
};

export const MAX_INCLUDE_DEPTH = 3;

export interface IncludeNode {
  children: IncludeTree;
  /** Fields asked for with `name:field,field`; null = all. */
  fields: string[] | null;
}

export type IncludeTree = Map<string, IncludeNode>;

export type IncludeParse = { ok: true; tree: IncludeTree; selectsFields: boolean } | { ok: false; code: number; message: string };

export function parseIncludes(text: string | undefined, kind: Kind): IncludeParse {
  const tree: IncludeTree = new Map();
  let selectsFields = false;
  if (!text) return { ok: true, tree, selectsFields };
  for (const raw of text.split(';')) {
    const item = raw.trim();
    if (item === '') continue;
    const [path = '', fieldText] = item.split(':', 2);
    const names = path.split('.');
    if (names.length > MAX_INCLUDE_DEPTH) {
      return { ok: false, code: 5008, message: `The include "${path}" is nested deeper than ${MAX_INCLUDE_DEPTH} levels.` };
    }
    let level = tree;
    let levelKind = kind;
    for (const [i, name] of names.entries()) {
      const next = INCLUDES[levelKind][name];
      if (!next) {
        return { ok: false, code: 5001, message: `The requested include "${names.slice(0, i + 1).join('.')}" does not exist or is not available on this endpoint.` };
      }
      let node = level.get(name);
      if (!node) {
        node = { children: new Map(), fields: null };
        level.set(name, node);
      }
      if (i === names.length - 1 && fieldText !== undefined) {
        node.fields = fieldText.split(',').map((f) => f.trim()).filter((f) => f !== '');
        selectsFields = true;
      }
      level = node.children;
      levelKind = next;
    }
  }
  return { ok: true, tree, selectsFields };
}
