-- Extra time and penalty shoot-outs, for the few fixtures that had them (fixture_scores: ET is
-- the goals in extra time, PENALTY_SHOOTOUT the kicks scored).
-- requires: fixture_scores
SELECT fixture_id,
       CAST(SUM(CASE WHEN period = 'ET' AND participant = 'home' THEN goals END) AS SIGNED) AS extra_time_home,
       CAST(SUM(CASE WHEN period = 'ET' AND participant = 'away' THEN goals END) AS SIGNED) AS extra_time_away,
       CAST(SUM(CASE WHEN period = 'PENALTY_SHOOTOUT' AND participant = 'home' THEN goals END) AS SIGNED) AS penalties_home,
       CAST(SUM(CASE WHEN period = 'PENALTY_SHOOTOUT' AND participant = 'away' THEN goals END) AS SIGNED) AS penalties_away
FROM fixture_scores
WHERE period IN ('ET', 'PENALTY_SHOOTOUT')
GROUP BY fixture_id
ORDER BY fixture_id;
