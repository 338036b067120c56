-- Goals per finished match, by league and season.
-- requires: fixture_results
SELECT league_id, league, season_id, season, COUNT(*) AS matches,
       CAST(SUM(home_goals + away_goals) AS SIGNED) AS goals,
       ROUND(AVG(home_goals + away_goals), 2) AS goals_per_match
FROM fixture_results
WHERE state IN ('FT', 'AET', 'FT_PEN')
GROUP BY league_id, league, season_id, season
ORDER BY league, season;
