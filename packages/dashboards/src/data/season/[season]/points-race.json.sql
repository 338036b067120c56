-- Points of every team after each round of a season, for the points race until stage-race runs
-- (rounds by SportMonks id, numbered in the order they were first played).
-- requires: fixtures
WITH played AS (
  SELECT f.season_id, f.round_id, f.home_team_id AS team_id,
         CASE WHEN f.home_goals > f.away_goals THEN 3 WHEN f.home_goals = f.away_goals THEN 1 ELSE 0 END AS points
  FROM fixtures f JOIN fixture_states st ON st.id = f.state_id
  WHERE st.state IN ('FT', 'AET', 'FT_PEN') AND f.deleted_at IS NULL AND f.round_id IS NOT NULL
    AND f.home_team_id IS NOT NULL AND f.away_team_id IS NOT NULL AND f.home_goals IS NOT NULL AND f.away_goals IS NOT NULL
  UNION ALL
  SELECT f.season_id, f.round_id, f.away_team_id,
         CASE WHEN f.away_goals > f.home_goals THEN 3 WHEN f.away_goals = f.home_goals THEN 1 ELSE 0 END
  FROM fixtures f JOIN fixture_states st ON st.id = f.state_id
  WHERE st.state IN ('FT', 'AET', 'FT_PEN') AND f.deleted_at IS NULL AND f.round_id IS NOT NULL
    AND f.home_team_id IS NOT NULL AND f.away_team_id IS NOT NULL AND f.home_goals IS NOT NULL AND f.away_goals IS NOT NULL
),
rounds AS (
  SELECT season_id, round_id, ROW_NUMBER() OVER (PARTITION BY season_id ORDER BY MIN(starting_at), round_id) AS round_number
  FROM fixtures
  WHERE deleted_at IS NULL AND round_id IS NOT NULL
  GROUP BY season_id, round_id
),
per_round AS (
  SELECT p.season_id, r.round_number, p.team_id, SUM(p.points) AS points
  FROM played p JOIN rounds r ON r.season_id = p.season_id AND r.round_id = p.round_id
  GROUP BY p.season_id, r.round_number, p.team_id
)
SELECT season_id, round_number AS round, team_id,
       CAST(SUM(points) OVER (PARTITION BY season_id, team_id ORDER BY round_number) AS SIGNED) AS points
FROM per_round
ORDER BY season_id, team_id, round;
