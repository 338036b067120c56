-- Goals by 15-minute band (1 = minutes 1–15 … 76 = 76–90, 91 = stoppage and extra time after 90),
-- by league and season, from the goals view (match detail, issue 16).
-- requires: goals.fixture_id, goals.minute
SELECT f.league_id, f.season_id,
       CASE WHEN g.minute > 90 THEN 91 ELSE 15 * FLOOR((GREATEST(g.minute, 1) - 1) / 15) + 1 END AS band_start,
       COUNT(*) AS goals
FROM goals g
JOIN fixtures f ON f.id = g.fixture_id
GROUP BY f.league_id, f.season_id, band_start
ORDER BY f.league_id, f.season_id, band_start;
