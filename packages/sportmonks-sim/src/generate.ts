// Builds the world from a seed: leagues, seasons, teams, venues, fixtures and, for each
// fixture, the plan of what happens to it (played, postponed, moved, cancelled, deleted…).
import { DEFAULT_LEAGUES, extraLeague, madeUpClub, type LeagueSeed } from './names.ts';
import { createRng, intBetween, pick, poisson } from './random.ts';
import { StructureBuilder, type Outcome, type Placement } from './structure.ts';
import { DAY, HOUR, MINUTE, formatDate } from './time.ts';
import { Phase, type FixtureRec, type LeagueRec, type SeasonRec, type TeamRec, type VenueApi } from './model.ts';

export interface FixturePlan {
  fixture: FixtureRec;
  /** Where the fixture was first published. */
  publishedKickoffMs: number;
  postponedAtMs?: number;
  /** When the new date (fixture.kickoffMs at the end) is published and the state returns to NS. */
  rescheduledAtMs?: number;
  /** Kick-off moved without a postponement (e.g. picked for TV). */
  shiftedAtMs?: number;
  cancelledAtMs?: number;
  deletedAtMs?: number;
  placeholderUntilMs?: number;
  /** Where it is finally played (or would be). */
  kickoffMs: number;
}

export interface Rename {
  team: TeamRec;
  atMs: number;
  newName: string;
}

export interface Generated {
  leagues: LeagueRec[];
  seasons: SeasonRec[];
  teams: Map<number, TeamRec>;
  placeholderTeams: Map<number, TeamRec>;
  venues: VenueApi[];
  fixtures: FixtureRec[];
  plans: FixturePlan[];
  renames: Rename[];
}

export interface GenerateOptions {
  seed: number;
  leagueCount: number;
  seasonsPerLeague: number;
  startMs: number;
}

interface Club {
  team: TeamRec;
  city: string;
}

export function generate(options: GenerateOptions): Generated {
  const rng = createRng(options.seed);
  const { startMs } = options;
  const start = new Date(startMs);
  const currentYear = start.getUTCMonth() >= 6 ? start.getUTCFullYear() : start.getUTCFullYear() - 1;

  const teams = new Map<number, TeamRec>();
  const placeholderTeams = new Map<number, TeamRec>();
  const venues: VenueApi[] = [];
  const leagues: LeagueRec[] = [];
  const seasons: SeasonRec[] = [];
  const fixtures: FixtureRec[] = [];
  const plans: FixturePlan[] = [];
  const renames: Rename[] = [];
  const usedNames = new Set<string>();
  const pools = new Map<number, Club[]>();

  let teamId = 180;
  let venueId = 5100;
  let cityId = 40_000;

  const makeClub = (league: LeagueSeed, club: [string, string, string]): Club => {
    const [name, shortCode, city] = club;
    const venue: VenueApi = {
      id: venueId,
      country_id: league.countryId,
      city_id: cityId++,
      name: `${city} ${pick(rng, ['Park', 'Stadium', 'Arena', 'Stadion', 'Ground'])}`,
      address: rng() < 0.8 ? `${intBetween(rng, 1, 200)} ${pick(rng, ['Main', 'Stadium', 'Park', 'Station'])} Road` : null,
      zipcode: rng() < 0.6 ? String(intBetween(rng, 1000, 9999)) : null,
      latitude: rng() < 0.9 ? (45 + rng() * 15).toFixed(6) : null,
      longitude: rng() < 0.9 ? (-5 + rng() * 20).toFixed(6) : null,
      capacity: rng() < 0.95 ? intBetween(rng, 4000, 75_000) : null,
      image_path: `https://cdn.sportmonks.com/images/soccer/venues/${venueId % 32}/${venueId}.png`,
      city_name: city,
      surface: rng() < 0.9 ? 'grass' : 'artificial turf',
      national_team: false,
    };
    venueId += intBetween(rng, 1, 4);
    venues.push(venue);
    const id = teamId;
    teamId += intBetween(rng, 1, 5);
    const team: TeamRec = {
      api: {
        id,
        sport_id: 1,
        country_id: league.countryId,
        venue_id: venue.id,
        gender: 'male',
        name,
        short_code: rng() < 0.95 ? shortCode : null,
        image_path: `https://cdn.sportmonks.com/images/soccer/teams/${id % 32}/${id}.png`,
        founded: rng() < 0.9 ? intBetween(rng, 1865, 2005) : null,
        type: 'domestic',
        placeholder: false,
        last_played_at: null,
      },
      leagueId: league.id,
      lastPlayedMs: 0,
      json: null,
    };
    teams.set(id, team);
    return { team, city };
  };

  const leagueSeeds: LeagueSeed[] = [];
  for (let i = 0; i < options.leagueCount; i++) {
    leagueSeeds.push(DEFAULT_LEAGUES[i] ?? extraLeague(i - DEFAULT_LEAGUES.length));
  }

  for (const seed of leagueSeeds) {
    const size = seed.size ?? (seed.teams ? 12 : 2 * intBetween(rng, 6, 10));
    const clubs: Club[] = [];
    for (let i = 0; i < size + 2; i++) {
      let club = seed.teams?.[i];
      if (!club) {
        do club = madeUpClub(rng);
        while (usedNames.has(club[0]));
      }
      usedNames.add(club[0]);
      clubs.push(makeClub(seed, club));
    }
    pools.set(seed.id, clubs);
    leagues.push({ id: seed.id, countryId: seed.countryId, name: seed.name, shortCode: seed.shortCode, format: seed.format, seasons: [] });
  }

  let seasonId = 21_600;
  let fixtureId = 19_140_000;
  const nextFixtureId = (): number => (fixtureId += intBetween(rng, 1, 3));

  const newFixture = (place: Placement, homeId: number, awayId: number, kickoffMs: number): FixtureRec => {
    const season = place.stage.season;
    const home = teams.get(homeId);
    const away = teams.get(awayId);
    const goals = [
      ...Array.from({ length: poisson(rng, 1.5) }, () => ({ minute: intBetween(rng, 1, 90), home: true })),
      ...Array.from({ length: poisson(rng, 1.15) }, () => ({ minute: intBetween(rng, 1, 90), home: false })),
    ].sort((a, b) => a.minute - b.minute);
    const fixture: FixtureRec = {
      id: nextFixtureId(),
      index: fixtures.length,
      season,
      stage: place.stage,
      round: place.round,
      group: place.group,
      aggregate: place.aggregate,
      leg: place.leg,
      venueId: rng() < 0.03 ? null : (home?.api.venue_id ?? null),
      homeId,
      awayId,
      placeholderIds: null,
      kickoffMs,
      stateId: 1,
      phase: Phase.None,
      goals,
      h1: [0, 0],
      h2: [0, 0],
      decider: null,
      et: [0, 0],
      resultInfo: null,
      deleted: false,
      erroneous: false,
      updatedMs: kickoffMs - 60 * DAY,
      homeFirst: rng() < 0.5,
      name: `${home?.api.name ?? '?'} vs ${away?.api.name ?? '?'}`,
      json: null,
      scoresJson: null,
    };
    fixtures.push(fixture);
    place.round?.fixtures.push(fixture);
    place.stage.fixtures.push(fixture);
    season.fixtures.push(fixture);
    return fixture;
  };
  const planOf = new Map<FixtureRec, FixturePlan>();
  const placed = (place: Placement, homeId: number, awayId: number, kickoffMs: number): FixtureRec => {
    const fixture = newFixture(place, homeId, awayId, kickoffMs);
    const plan: FixturePlan = { fixture, publishedKickoffMs: kickoffMs, kickoffMs };
    plans.push(plan);
    planOf.set(fixture, plan);
    return fixture;
  };
  const structure = new StructureBuilder(rng, placed);

  for (let y = 0; y < options.seasonsPerLeague; y++) {
    const year = currentYear - (options.seasonsPerLeague - 1 - y);
    const isCurrent = y === options.seasonsPerLeague - 1;
    for (const league of leagues) {
      const pool = pools.get(league.id) ?? [];
      const out = new Set([(2 * y) % pool.length, (2 * y + 1) % pool.length]);
      const clubIds = pool.filter((_, i) => !out.has(i)).map((c) => c.team.api.id);
      const season: SeasonRec = {
        id: seasonId,
        league,
        name: `${year}/${year + 1}`,
        startDate: '',
        endDate: '',
        isCurrent,
        finished: !isCurrent,
        stages: [],
        rounds: [],
        teamIds: [...clubIds].sort((a, b) => a - b),
        fixtures: [],
        version: 0,
      };
      seasonId += intBetween(rng, 1, 40);
      league.seasons.push(season);
      seasons.push(season);
      structure.openSeason(season, league.format, clubIds, year);
      season.startDate = formatDate(Math.min(...season.fixtures.map((f) => f.kickoffMs)));
      season.endDate = season.stages.map((s) => s.plannedEndDate).sort().at(-1) ?? season.startDate;
    }
  }

  const seasonPlans = new Map<SeasonRec, FixturePlan[]>();
  // The mess happens to league fixtures, never to a knockout leg or a cup (whose draws keep to their dates).
  for (const plan of plans) {
    if (plan.fixture.round === null || plan.fixture.season.league.format === 'cup') continue;
    const list = seasonPlans.get(plan.fixture.season) ?? [];
    list.push(plan);
    seasonPlans.set(plan.fixture.season, list);
  }

  const erroneous: { like: FixturePlan; deletedAtMs: number; offsetMs: number }[] = [];
  let placeholderId = 990_000;
  const placeholderTeam = (label: string): number => {
    const id = placeholderId++;
    placeholderTeams.set(id, {
      api: {
        id,
        sport_id: 1,
        country_id: 0,
        venue_id: null,
        gender: 'male',
        name: label,
        short_code: null,
        image_path: 'https://cdn.sportmonks.com/images/soccer/placeholder.png',
        founded: null,
        type: 'domestic',
        placeholder: true,
        last_played_at: null,
      },
      leagueId: 0,
      lastPlayedMs: 0,
      json: null,
    });
    return id;
  };

  for (const season of seasons) {
    const list = seasonPlans.get(season) ?? [];
    const untouched = (p: FixturePlan): boolean =>
      p.postponedAtMs === undefined && p.shiftedAtMs === undefined && p.cancelledAtMs === undefined && p.placeholderUntilMs === undefined;
    const choose = (filter: (p: FixturePlan) => boolean): FixturePlan | undefined => {
      const candidates = list.filter((p) => untouched(p) && filter(p));
      return candidates.length > 0 ? pick(rng, candidates) : undefined;
    };
    const past = (p: FixturePlan): boolean => p.kickoffMs < startMs - 2 * DAY;
    const within = (fromMs: number, toMs: number) => (p: FixturePlan): boolean => p.kickoffMs > startMs + fromMs && p.kickoffMs < startMs + toMs;

    // Postponed in the past and replayed weeks later.
    for (let i = 0; i < 2; i++) {
      const plan = choose((p) => p.kickoffMs < startMs - 60 * DAY);
      if (!plan) continue;
      plan.postponedAtMs = plan.publishedKickoffMs - intBetween(rng, 1, 48) * HOUR;
      plan.rescheduledAtMs = plan.publishedKickoffMs + intBetween(rng, 2, 9) * DAY;
      plan.kickoffMs = plan.publishedKickoffMs + intBetween(rng, 3, 6) * 7 * DAY + intBetween(rng, 0, 3) * HOUR;
    }
    for (let i = 0; i < 2; i++) {
      const like = choose(past);
      if (like) erroneous.push({ like, deletedAtMs: Math.min(like.kickoffMs, startMs) - intBetween(rng, 12, 240) * HOUR, offsetMs: DAY });
    }
    if (!season.isCurrent) {
      const cancelled = choose(past);
      if (cancelled && rng() < 0.5) cancelled.cancelledAtMs = cancelled.publishedKickoffMs - intBetween(rng, 2, 30) * HOUR;
      continue;
    }

    // The current season: things that already happened…
    const pending = choose(past);
    if (pending) {
      pending.postponedAtMs = pending.publishedKickoffMs - intBetween(rng, 1, 30) * HOUR;
      pending.rescheduledAtMs = startMs + intBetween(rng, 2, 48) * HOUR;
      pending.kickoffMs = startMs + intBetween(rng, 10, 20) * DAY + intBetween(rng, 0, 5) * HOUR;
    }
    const stillPending = choose(past);
    if (stillPending) stillPending.postponedAtMs = stillPending.publishedKickoffMs - intBetween(rng, 1, 30) * HOUR;
    // …and things that happen as the clock runs, all within the first three simulated days.
    const postponed = choose(within(30 * HOUR, 4 * DAY));
    if (postponed) {
      postponed.postponedAtMs = startMs + intBetween(rng, 1, 20) * HOUR;
      postponed.rescheduledAtMs = startMs + intBetween(rng, 30, 60) * HOUR;
      postponed.kickoffMs = startMs + intBetween(rng, 14, 28) * DAY + intBetween(rng, 0, 5) * HOUR;
    }
    const shifted = choose(within(32 * HOUR, 6 * DAY));
    if (shifted) {
      shifted.shiftedAtMs = startMs + intBetween(rng, 1, 28) * HOUR;
      shifted.kickoffMs = shifted.publishedKickoffMs + pick(rng, [-1, 1]) * 2.5 * HOUR;
    }
    const cancelled = choose(within(42 * HOUR, 7 * DAY));
    if (cancelled) cancelled.cancelledAtMs = startMs + intBetween(rng, 2, 40) * HOUR;
    for (let i = 0; i < 2; i++) {
      const placeholder = choose(within(5 * DAY, 12 * DAY));
      if (!placeholder) continue;
      placeholder.placeholderUntilMs = startMs + intBetween(rng, 3, 60) * HOUR;
      placeholder.fixture.placeholderIds = [placeholderTeam('TBC Home'), placeholderTeam('TBC Away')];
    }
    const duplicated = choose(within(5 * DAY, 10 * DAY));
    if (duplicated) erroneous.push({ like: duplicated, deletedAtMs: startMs + intBetween(rng, 1, 50) * HOUR, offsetMs: 2 * HOUR });
  }

  // Stages whose teams depend on results already in when the clock starts are drawn now.
  const outcome = (f: FixtureRec): Outcome => {
    const plan = planOf.get(f);
    if (!plan) return { settledAt: null, played: false };
    const gone = plan.cancelledAtMs ?? plan.deletedAtMs;
    if (gone !== undefined) return { settledAt: gone, played: false };
    if (plan.postponedAtMs !== undefined && plan.rescheduledAtMs === undefined) return { settledAt: null, played: false };
    return { settledAt: plan.kickoffMs + MATCH.endMs(f), played: true };
  };
  structure.drawSettled(seasons, startMs, outcome);

  // Fixtures created in error get the newest ids, as they would upstream.
  for (const { like, deletedAtMs, offsetMs } of erroneous) {
    const kickoff = like.kickoffMs + offsetMs;
    const { stage, round, group, aggregate, leg } = like.fixture;
    const fixture = newFixture({ stage, round, group, aggregate, leg }, like.fixture.homeId, like.fixture.awayId, kickoff);
    fixture.erroneous = true;
    fixture.updatedMs = Math.min(kickoff, deletedAtMs) - 5 * DAY;
    plans.push({ fixture, publishedKickoffMs: kickoff, kickoffMs: kickoff, deletedAtMs });
  }

  const firstLeague = leagues[0];
  const renamed = firstLeague ? pools.get(firstLeague.id)?.find((c) => firstLeague.seasons.at(-1)?.teamIds.includes(c.team.api.id)) : undefined;
  if (renamed) renames.push({ team: renamed.team, atMs: startMs + intBetween(rng, 1, 24) * HOUR, newName: `${renamed.city} Sporting Club` });

  return { leagues, seasons, teams, placeholderTeams, venues, fixtures, plans, renames };
}

export const MATCH = {
  halfTimeMs: 47 * MINUTE,
  secondHalfMs: 62 * MINUTE,
  fullTimeMs: 110 * MINUTE,
  /** Extra time ends 35 minutes after full time; a shoot-out takes 15 more. */
  extraTimeEndMs: 145 * MINUTE,
  penaltiesEndMs: 160 * MINUTE,
  /** When the match is over, extra time and a shoot-out included. */
  endMs(f: FixtureRec): number {
    if (!f.decider) return MATCH.fullTimeMs;
    return f.decider.penalties ? MATCH.penaltiesEndMs : MATCH.extraTimeEndMs;
  },
  /** When a goal in `minute` is scored, counted from kick-off. */
  goalAtMs(minute: number): number {
    if (minute > 90) return MATCH.fullTimeMs + (minute - 90) * MINUTE + 30_000;
    return minute <= 45 ? minute * MINUTE : (62 + (minute - 46)) * MINUTE + 30_000;
  },
};

