-- The table of every season as one (the league_table view before it had stages, issue 15) with
-- each team's last five results, oldest first ("WDLWW"): what the page shows until stage-tables runs.
-- requires: league_table
WITH results AS (
  SELECT season_id, home_team_id AS team_id, starting_at, fixture_id,
         CASE WHEN home_goals > away_goals THEN 'W' WHEN home_goals = away_goals THEN 'D' ELSE 'L' END AS outcome
  FROM fixture_results WHERE state IN ('FT', 'AET', 'FT_PEN') AND home_team_id IS NOT NULL AND away_team_id IS NOT NULL
  UNION ALL
  SELECT season_id, away_team_id, starting_at, fixture_id,
         CASE WHEN away_goals > home_goals THEN 'W' WHEN away_goals = home_goals THEN 'D' ELSE 'L' END
  FROM fixture_results WHERE state IN ('FT', 'AET', 'FT_PEN') AND home_team_id IS NOT NULL AND away_team_id IS NOT NULL
),
numbered AS (
  SELECT season_id, team_id, starting_at, fixture_id, outcome,
         ROW_NUMBER() OVER (PARTITION BY season_id, team_id ORDER BY starting_at DESC, fixture_id DESC) AS n
  FROM results
),
form AS (
  SELECT season_id, team_id, GROUP_CONCAT(outcome ORDER BY starting_at, fixture_id SEPARATOR '') AS last_five
  FROM numbered WHERE n <= 5
  GROUP BY season_id, team_id
)
SELECT lt.season_id, lt.position, lt.team_id, lt.team, lt.played, lt.won, lt.drawn, lt.lost,
       lt.goals_for, lt.goals_against, lt.goal_difference, lt.points, f.last_five
FROM league_table lt
LEFT JOIN form f ON f.season_id = lt.season_id AND f.team_id = lt.team_id
ORDER BY lt.season_id, lt.position;
