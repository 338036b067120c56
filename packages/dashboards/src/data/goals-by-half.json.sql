-- Goals scored in each half (and in extra time), by league and season, from fixture_scores.
-- requires: fixture_scores
SELECT f.league_id, f.season_id,
       CASE sc.period WHEN '1ST_HALF' THEN '1st half' WHEN '2ND_HALF_ONLY' THEN '2nd half' ELSE 'extra time' END AS period,
       CAST(SUM(sc.goals) AS SIGNED) AS goals,
       COUNT(DISTINCT f.id) AS matches
FROM fixture_scores sc
JOIN fixtures f ON f.id = sc.fixture_id
JOIN fixture_states st ON st.id = f.state_id
WHERE st.state IN ('FT', 'AET', 'FT_PEN') AND f.deleted_at IS NULL AND sc.period IN ('1ST_HALF', '2ND_HALF_ONLY', 'ET')
GROUP BY f.league_id, f.season_id, sc.period
ORDER BY f.league_id, f.season_id, period;
