// make demo: a full sync against the simulator (or the real API with SPORTMONKS_API_TOKEN),
// then the run summary and a look at the analyst views; stops everything it started.
import { connectionConfig, redactUrl } from '@insightxi/mysql';
import mariadb from 'mariadb';
import { request } from 'undici';
import { loadDotEnv } from './env-file.ts';
import { startStack } from './stack.ts';

loadDotEnv();
const quiet = (line: string) => {
  if (/"level":(50|60)/.test(line)) console.error(line);
};

console.log('Starting MySQL, the simulator and the three services …');
const stack = await startStack({
  ...(process.env.SPORTMONKS_API_TOKEN ? { sportmonksApiToken: process.env.SPORTMONKS_API_TOKEN } : {}),
  logLevel: 'warn',
  onLine: quiet,
});

try {
  console.log(`MySQL: ${redactUrl(stack.databaseUrl)}; SportMonks: ${stack.simulator ? `simulator at ${stack.simulator.url}` : 'the real API'}`);
  console.log('POST /sync/all?wait=true …');
  const started = Date.now();
  const response = await request(`${stack.url('orchestrator')}/sync/all?wait=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.operatorToken}`, 'content-type': 'application/json' },
    body: '{}',
    headersTimeout: 30 * 60_000,
    bodyTimeout: 30 * 60_000,
  });
  const summary = (await response.body.json()) as Record<string, unknown>;
  if (response.statusCode >= 300) throw new Error(`sync failed with HTTP ${response.statusCode}: ${JSON.stringify(summary)}`);

  console.log(`\nRun ${String(summary.runId)}: ${String(summary.status)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.table(summary.counters);

  const connection = await mariadb.createConnection({ ...connectionConfig(stack.databaseUrl), bigIntAsNumber: true, decimalAsNumber: true });
  try {
    console.log('\nCompetition structure stored:');
    console.table(
      await connection.query(
        `SELECT (SELECT COUNT(*) FROM types) AS types, (SELECT COUNT(*) FROM countries) AS countries, (SELECT COUNT(*) FROM stages) AS stages,
                (SELECT COUNT(*) FROM rounds) AS rounds, (SELECT COUNT(*) FROM stage_groups) AS stage_groups, (SELECT COUNT(*) FROM aggregates) AS knockout_ties`,
      ),
    );
    // A split league (more than one league stage in the season), at its current stage; else any current table.
    const [table] = await connection.query<{ stage_id: number; league: string; season: string; stage: string }[]>(
      `SELECT lt.stage_id, MAX(lt.league) AS league, MAX(lt.season) AS season, MAX(lt.stage) AS stage
         FROM league_table lt JOIN stages s ON s.id = lt.stage_id
        WHERE s.is_current
        GROUP BY lt.stage_id, s.season_id
        ORDER BY (SELECT COUNT(*) FROM stages o WHERE o.season_id = s.season_id AND o.type_id = 223) DESC, lt.stage_id
        LIMIT 1`,
    );
    if (table) {
      console.log(`\nleague_table: ${table.league} ${table.season}, current stage "${table.stage}":`);
      console.table(
        await connection.query(
          `SELECT group_name, position, team, played, won, drawn, lost, goal_difference, points, carries_points
             FROM league_table WHERE stage_id = ? ORDER BY group_name, position`,
          [table.stage_id],
        ),
      );
    }
    console.log('\nknockout_ties (the latest decided tie):');
    console.table(
      await connection.query(
        `SELECT league, season, stage, tie, first_leg_score, second_leg_score,
                CONCAT(team_a_goals, '-', team_b_goals) AS aggregate_score, detail, winner
           FROM knockout_ties ORDER BY winner_team_id IS NULL, second_leg_starting_at DESC LIMIT 1`,
      ),
    );
    console.log('\nfixture_results (five most recent finished):');
    console.table(
      await connection.query(
        `SELECT DATE_FORMAT(starting_at, '%Y-%m-%d %H:%i') AS kick_off_utc, league, home_team, score, away_team, state
           FROM fixture_results WHERE state = 'FT' ORDER BY starting_at DESC, fixture_id LIMIT 5`,
      ),
    );
    const [scorers] = await connection.query<{ season_id: number; league: string; season: string }[]>(
      `SELECT t.season_id, MAX(l.name) AS league, MAX(s.name) AS season
         FROM topscorers t JOIN seasons s ON s.id = t.season_id JOIN leagues l ON l.id = s.league_id
        WHERE t.type_id = 208 GROUP BY t.season_id ORDER BY MAX(s.is_current) DESC, t.season_id DESC LIMIT 1`,
    );
    if (scorers) {
      console.log(`\ntopscorers: ${scorers.league} ${scorers.season}, goals (SportMonks' ranking, top 5):`);
      console.table(
        await connection.query(
          `SELECT t.position, COALESCE(p.display_name, p.name) AS player, tm.name AS team, t.total AS goals
             FROM topscorers t JOIN players p ON p.id = t.player_id JOIN teams tm ON tm.id = t.team_id
            WHERE t.season_id = ? AND t.type_id = 208 ORDER BY t.position, player LIMIT 5`,
          [scorers.season_id],
        ),
      );
    }
    // The latest finished match with goals in its events: the timeline an analyst would draw.
    const [match] = await connection.query<{ fixture_id: number; name: string; score: string }[]>(
      `SELECT r.fixture_id, CONCAT(r.home_team, ' – ', r.away_team, ', ', DATE_FORMAT(r.starting_at, '%Y-%m-%d')) AS name, r.score
         FROM fixture_results r
        WHERE r.state = 'FT' AND EXISTS (SELECT 1 FROM goals g WHERE g.fixture_id = r.fixture_id)
        ORDER BY r.starting_at DESC, r.fixture_id LIMIT 1`,
    );
    if (match) {
      console.log(`\nfixture_events: ${match.name}, ${match.score} (the timeline):`);
      console.table(
        await connection.query(
          `SELECT CONCAT(e.minute, IF(e.extra_minute IS NULL, '', CONCAT('+', e.extra_minute)), '''') AS minute, tm.name AS team,
                  ty.name AS event, e.player_name AS player, e.related_player_name AS related, e.result AS score
             FROM fixture_events e JOIN types ty ON ty.id = e.type_id LEFT JOIN teams tm ON tm.id = e.team_id
            WHERE e.fixture_id = ? ORDER BY e.minute, e.extra_minute, e.sort_order, e.id`,
          [match.fixture_id],
        ),
      );
    }
  } finally {
    await connection.end();
  }
  if (summary.status !== 'succeeded') process.exitCode = 1;
} finally {
  await stack.stop();
}
