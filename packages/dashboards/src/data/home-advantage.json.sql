-- Home advantage by league and season: how often the home side wins, draws, loses, and the goals
-- each side scores per match.
-- requires: fixture_results
SELECT league_id, league, season_id, season, COUNT(*) AS matches,
       ROUND(100 * AVG(home_goals > away_goals), 1) AS home_win_pct,
       ROUND(100 * AVG(home_goals = away_goals), 1) AS draw_pct,
       ROUND(100 * AVG(home_goals < away_goals), 1) AS away_win_pct,
       ROUND(AVG(home_goals), 2) AS home_goals_per_match,
       ROUND(AVG(away_goals), 2) AS away_goals_per_match
FROM fixture_results
WHERE state IN ('FT', 'AET', 'FT_PEN')
GROUP BY league_id, league, season_id, season
ORDER BY league, season;
