-- For every pair of teams that meet in a season, their latest eleven finished meetings in any
-- season, either way round: the match page's head-to-head (the fixture shown and ten others),
-- bounded however long the history.
-- requires: fixture_results
WITH finished AS (
  SELECT fixture_id, starting_at, home_team_id, away_team_id, home_goals, away_goals, state,
         LEAST(home_team_id, away_team_id) AS team_1, GREATEST(home_team_id, away_team_id) AS team_2
  FROM fixture_results
  WHERE state IN ('FT', 'AET', 'FT_PEN') AND home_team_id IS NOT NULL AND away_team_id IS NOT NULL AND home_team_id <> away_team_id
),
pairs AS (
  SELECT DISTINCT season_id, LEAST(home_team_id, away_team_id) AS team_1, GREATEST(home_team_id, away_team_id) AS team_2
  FROM fixture_results
  WHERE home_team_id IS NOT NULL AND away_team_id IS NOT NULL AND home_team_id <> away_team_id
),
met AS (
  SELECT p.season_id, p.team_1, p.team_2, r.fixture_id, r.starting_at, r.home_team_id, r.away_team_id, r.home_goals, r.away_goals, r.state,
         ROW_NUMBER() OVER (PARTITION BY p.season_id, p.team_1, p.team_2 ORDER BY r.starting_at DESC, r.fixture_id DESC) AS n
  FROM pairs p
  JOIN finished r ON r.team_1 = p.team_1 AND r.team_2 = p.team_2
)
SELECT season_id, fixture_id, starting_at, home_team_id, away_team_id, home_goals, away_goals, state
FROM met
WHERE n <= 11
ORDER BY season_id, team_1, team_2, starting_at DESC, fixture_id DESC;
