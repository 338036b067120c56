-- How often each final score happens, by season (goals above 5 counted as 5): the results
-- distribution.
-- requires: fixture_results
SELECT league_id, season_id, LEAST(home_goals, 5) AS home_goals, LEAST(away_goals, 5) AS away_goals, COUNT(*) AS matches
FROM fixture_results
WHERE state IN ('FT', 'AET', 'FT_PEN')
GROUP BY league_id, season_id, LEAST(home_goals, 5), LEAST(away_goals, 5)
ORDER BY league_id, season_id, home_goals, away_goals;
