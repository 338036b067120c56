-- The table of every season (the league_table view) with each team's last five results,
-- oldest first ("WDLWW"). A split season has a table per stage: each team is shown in the
-- latest league stage it plays in (the Superliga's Championship Round above its Relegation
-- Round, the Scottish groups one after the other), numbered through.
-- requires: league_table.stage_id, stages
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
),
latest AS (
  SELECT lt.*, st.sort_order,
         ROW_NUMBER() OVER (PARTITION BY lt.season_id, lt.team_id ORDER BY st.sort_order DESC, lt.stage_id DESC) AS newest
  FROM league_table lt LEFT JOIN stages st ON st.id = lt.stage_id
),
season_table AS (
  SELECT latest.*,
         ROW_NUMBER() OVER (PARTITION BY season_id ORDER BY sort_order DESC, group_id, position) AS season_position
  FROM latest WHERE newest = 1
)
SELECT t.season_id, t.season_position AS position, t.team_id, t.team, t.played, t.won, t.drawn, t.lost,
       t.goals_for, t.goals_against, t.goal_difference, t.points, f.last_five
FROM season_table t
LEFT JOIN form f ON f.season_id = t.season_id AND f.team_id = t.team_id
ORDER BY t.season_id, t.season_position;
