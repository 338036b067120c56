// Players, squads and referees: made up per league on first use, from the seed alone, so a
// player id always resolves to the same person and a squad to the same players.
import type { LeagueRec, SeasonRec, TeamRec } from '../model.ts';
import { DEFAULT_LEAGUES } from '../names.ts';
import { createRng, hash32, intBetween, pick, shuffle, type Rng } from '../random.ts';
import { personName } from './person-names.ts';
import { DETAILED_POSITION, POSITION } from './type-ids.ts';

/** The fields every person (player, referee, coach) has. */
export interface PersonApi {
  id: number;
  sport_id: number;
  country_id: number;
  city_id: number | null;
  common_name: string;
  firstname: string;
  lastname: string;
  name: string;
  display_name: string;
  image_path: string;
  height: number | null;
  weight: number | null;
  date_of_birth: string | null;
  gender: string;
}

export interface PlayerApi extends PersonApi {
  nationality_id: number;
  position_id: number;
  detailed_position_id: number | null;
  type_id: number;
}

/** A referee is a person without nationality or positions (sportmonks-details.md §3.4). */
export type RefereeApi = PersonApi;

/** One player's stay at one club (a squad row), listed in every season it spans. */
export interface Stint {
  id: number;
  player: PlayerApi;
  teamId: number;
  jersey: number;
  transferId: number | null;
  start: string;
  end: string;
}

export interface SquadEntry {
  stint: Stint;
  captain: boolean;
}

interface LeaguePeople {
  players: Map<number, PlayerApi>;
  /** `${seasonId}:${teamId}` → the squad, goalkeepers first. */
  squads: Map<string, SquadEntry[]>;
  /** `${seasonId}:${teamId}` → a youngster who may sit on the bench but is in no squad list. */
  callUps: Map<string, PlayerApi>;
  referees: RefereeApi[];
}

export const PLAYER_ID_BASE = 1_000_000;
const PLAYER_BLOCK = 10_000;
const STINT_ID_BASE = 600_000_000;
const TRANSFER_ID_BASE = 90_000_000;
export const REFEREE_ID_BASE = 14_000;
const REFEREES_PER_LEAGUE = 10;
const REFEREE_BLOCK = 20;
const SQUAD_SHAPE: [number, number][] = [
  [POSITION.GOALKEEPER, 3],
  [POSITION.DEFENDER, 8],
  [POSITION.MIDFIELDER, 8],
  [POSITION.ATTACKER, 5],
];
const DETAILED: Record<number, number[]> = {
  [POSITION.GOALKEEPER]: [],
  [POSITION.DEFENDER]: [DETAILED_POSITION.CENTRE_BACK, DETAILED_POSITION.CENTRE_BACK, DETAILED_POSITION.RIGHT_BACK, DETAILED_POSITION.LEFT_BACK],
  [POSITION.MIDFIELDER]: [
    DETAILED_POSITION.CENTRAL_MIDFIELD,
    DETAILED_POSITION.DEFENSIVE_MIDFIELD,
    DETAILED_POSITION.ATTACKING_MIDFIELD,
    DETAILED_POSITION.LEFT_MIDFIELD,
    DETAILED_POSITION.RIGHT_MIDFIELD,
  ],
  [POSITION.ATTACKER]: [DETAILED_POSITION.CENTRE_FORWARD, DETAILED_POSITION.LEFT_WING, DETAILED_POSITION.RIGHT_WING, DETAILED_POSITION.SECONDARY_STRIKER],
};
/** Where foreign players come from: the countries the simulator's leagues are in. */
const COUNTRIES = [...new Set([...DEFAULT_LEAGUES.map((l) => l.countryId), 17, 20, 38, 44, 47, 59, 125, 146, 190, 266])];
const PLACEHOLDER_IMAGE = 'https://cdn.sportmonks.com/images/soccer/placeholder.png';

export class People {
  private readonly byLeague = new Map<number, LeaguePeople>();
  private readonly leagueIndex = new Map<number, number>();

  constructor(
    private readonly seed: number,
    private readonly leagues: LeagueRec[],
    private readonly teams: Map<number, TeamRec>,
  ) {
    for (const [i, league] of leagues.entries()) this.leagueIndex.set(league.id, i);
  }

  player(id: number): PlayerApi | undefined {
    const league = this.leagues[Math.floor((id - PLAYER_ID_BASE) / PLAYER_BLOCK)];
    return league ? this.of(league).players.get(id) : undefined;
  }

  referee(id: number): RefereeApi | undefined {
    const league = this.leagues[Math.floor((id - REFEREE_ID_BASE) / REFEREE_BLOCK)];
    return league ? this.of(league).referees.find((r) => r.id === id) : undefined;
  }

  /** The team's squad in that season; undefined when the team did not play in it. */
  squad(season: SeasonRec, teamId: number): SquadEntry[] | undefined {
    return this.of(season.league).squads.get(`${String(season.id)}:${String(teamId)}`);
  }

  /** The team's youth call-up of that season: on a bench now and then, in no squad (fetch him by id). */
  callUp(season: SeasonRec, teamId: number): PlayerApi | undefined {
    return this.of(season.league).callUps.get(`${String(season.id)}:${String(teamId)}`);
  }

  referees(league: LeagueRec): RefereeApi[] {
    return this.of(league).referees;
  }

  /** Every player of the league, for ground truth. */
  players(league: LeagueRec): PlayerApi[] {
    return [...this.of(league).players.values()];
  }

  private of(league: LeagueRec): LeaguePeople {
    let people = this.byLeague.get(league.id);
    if (!people) {
      people = this.generate(league, this.leagueIndex.get(league.id) ?? 0);
      this.byLeague.set(league.id, people);
    }
    return people;
  }

  private generate(league: LeagueRec, index: number): LeaguePeople {
    const rng = createRng(hash32(this.seed, 'people', league.id));
    const players = new Map<number, PlayerApi>();
    let nextPlayer = PLAYER_ID_BASE + index * PLAYER_BLOCK;
    let nextStint = STINT_ID_BASE + index * 100_000;
    let nextTransfer = TRANSFER_ID_BASE + index * 100_000;
    const firstStart = league.seasons[0]?.startDate ?? '2024-07-01';

    // Names are unique within the league: a timeline never shows two men of one name.
    const taken = new Set<string>();
    const newPlayer = (positionId: number, startYear: number): PlayerApi => {
      const id = nextPlayer++;
      const player = makePlayer(rng, id, league.countryId, positionId, startYear, taken);
      players.set(id, player);
      return player;
    };

    // Clubs of the league, each with its roster of stints (by position, jersey numbers unique per club).
    const clubs = [...this.teams.values()].filter((t) => t.leagueId === league.id).map((t) => t.api.id).sort((a, b) => a - b);
    const rosters = new Map<number, Stint[]>();
    const startYear = Number(firstStart.slice(0, 4));
    const lastYear = Number(league.seasons.at(-1)?.startDate.slice(0, 4)) || startYear;
    // Contracts run at least to the end of the latest season.
    const contractEnd = (joined: number): string => `${String(Math.max(joined + intBetween(rng, 2, 5), lastYear + 1))}-06-30`;
    for (const teamId of clubs) {
      const numbers = shuffle(rng, Array.from({ length: 40 }, (_, i) => i + 2));
      const roster: Stint[] = [];
      for (const [positionId, count] of SQUAD_SHAPE) {
        for (let i = 0; i < count; i++) {
          const player = newPlayer(positionId, startYear);
          const jersey = positionId === POSITION.GOALKEEPER && i === 0 ? 1 : (numbers.pop() ?? 99);
          const joined = intBetween(rng, startYear - 6, startYear);
          roster.push({ id: nextStint++, player, teamId, jersey, transferId: null, start: `${String(joined)}-07-01`, end: contractEnd(joined) });
        }
      }
      rosters.set(teamId, roster);
    }
    // One player of each league has a trailing space in his name, as SportMonks serves some:
    // the first-choice goalkeeper of a club in the current season, so he plays every week.
    const spaced = rosters.get(league.seasons.at(-1)?.teamIds[0] ?? -1)?.[0]?.player;
    if (spaced) {
      spaced.name = `${spaced.name} `;
      spaced.display_name = `${spaced.display_name} `;
    }

    const squads = new Map<string, SquadEntry[]>();
    const callUps = new Map<string, PlayerApi>();
    for (const [s, season] of league.seasons.entries()) {
      if (s > 0) {
        const year = Number(season.startDate.slice(0, 4)) || startYear + s;
        const moveIn = (teamId: number, jersey: number, player: PlayerApi): Stint => ({
          id: nextStint++,
          player,
          teamId,
          jersey,
          transferId: nextTransfer++,
          start: `${String(year)}-07-01`,
          end: contractEnd(year),
        });
        // Transfers within the league: two clubs swap players of the same position.
        for (let k = 0; k < clubs.length * 1.5; k++) {
          const a = pick(rng, clubs);
          const b = pick(rng, clubs);
          if (a === b) continue;
          const rosterA = rosters.get(a) ?? [];
          const rosterB = rosters.get(b) ?? [];
          const positionId = pick(rng, [POSITION.DEFENDER, POSITION.MIDFIELDER, POSITION.ATTACKER]);
          const ia = pickIndex(rng, rosterA, positionId);
          const ib = pickIndex(rng, rosterB, positionId);
          const sa = rosterA[ia];
          const sb = rosterB[ib];
          if (!sa || !sb) continue;
          rosterA[ia] = moveIn(a, sa.jersey, sb.player);
          rosterB[ib] = moveIn(b, sb.jersey, sa.player);
        }
        // A youngster replaces someone who leaves the league.
        for (const teamId of clubs) {
          const roster = rosters.get(teamId) ?? [];
          if (rng() < 0.3) continue;
          const positionId = pick(rng, [POSITION.DEFENDER, POSITION.MIDFIELDER, POSITION.ATTACKER]);
          const i = pickIndex(rng, roster, positionId);
          const old = roster[i];
          if (old) roster[i] = moveIn(teamId, old.jersey, newPlayer(positionId, year - 1));
        }
      }
      for (const teamId of season.teamIds) {
        const roster = rosters.get(teamId) ?? [];
        // The captain: the longest-serving outfield player.
        let captain: Stint | undefined;
        for (const stint of roster) {
          if (stint.player.position_id !== POSITION.GOALKEEPER && (!captain || stint.start < captain.start)) captain = stint;
        }
        squads.set(`${String(season.id)}:${String(teamId)}`, roster.map((stint) => ({ stint, captain: stint === captain })));
        const year = Number(season.startDate.slice(0, 4)) || startYear;
        callUps.set(`${String(season.id)}:${String(teamId)}`, newPlayer(pick(rng, [POSITION.MIDFIELDER, POSITION.ATTACKER]), year - 1));
      }
    }

    const referees: RefereeApi[] = [];
    for (let i = 0; i < REFEREES_PER_LEAGUE; i++) {
      const id = REFEREE_ID_BASE + index * REFEREE_BLOCK + i;
      const [first, last] = personName(league.countryId, rng);
      referees.push({
        id,
        sport_id: 1,
        country_id: league.countryId,
        city_id: null,
        common_name: `${first.charAt(0)}. ${last}`,
        firstname: first,
        lastname: last,
        name: `${first} ${last}`,
        display_name: `${first} ${last}`,
        image_path: PLACEHOLDER_IMAGE,
        height: null,
        weight: null,
        date_of_birth: rng() < 0.5 ? `${String(intBetween(rng, 1975, 1992))}-0${String(intBetween(rng, 1, 9))}-1${String(intBetween(rng, 0, 9))}` : null,
        gender: 'male',
      });
    }
    return { players, squads, callUps, referees };
  }
}

function pickIndex(rng: Rng, roster: Stint[], positionId: number): number {
  const candidates = roster.flatMap((s, i) => (s.player.position_id === positionId ? [i] : []));
  return candidates.length === 0 ? -1 : pick(rng, candidates);
}

function makePlayer(rng: Rng, id: number, leagueCountryId: number, positionId: number, seasonYear: number, taken: Set<string>): PlayerApi {
  const nationality = rng() < 0.75 ? leagueCountryId : pick(rng, COUNTRIES);
  const [first, last] = personName(nationality, rng, taken);
  const detailed = DETAILED[positionId] ?? [];
  const born = seasonYear - intBetween(rng, 17, 35);
  return {
    id,
    sport_id: 1,
    country_id: rng() < 0.9 ? nationality : pick(rng, COUNTRIES),
    nationality_id: nationality,
    city_id: rng() < 0.4 ? 40_000 + intBetween(rng, 0, 500) : null,
    position_id: positionId,
    detailed_position_id: detailed.length > 0 && rng() < 0.85 ? pick(rng, detailed) : null,
    type_id: positionId,
    common_name: `${first.charAt(0)}. ${last}`,
    firstname: first,
    lastname: last,
    name: `${first} ${last}`,
    display_name: `${first} ${last}`,
    image_path: rng() < 0.9 ? `https://cdn.sportmonks.com/images/soccer/players/${String(id % 32)}/${String(id)}.png` : PLACEHOLDER_IMAGE,
    height: rng() < 0.85 ? intBetween(rng, positionId === POSITION.GOALKEEPER ? 185 : 168, positionId === POSITION.GOALKEEPER ? 200 : 194) : null,
    weight: rng() < 0.8 ? intBetween(rng, 62, 92) : null,
    date_of_birth: rng() < 0.97 ? `${String(born)}-${pad(intBetween(rng, 1, 12))}-${pad(intBetween(rng, 1, 28))}` : null,
    gender: 'male',
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
