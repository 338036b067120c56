-- Extra time and penalty shoot-outs, for the few fixtures that had them (fixture_scores: ET is
-- the goals in extra time, PENALTY_SHOOTOUT the kicks scored).
-- requires: fixture_scores
SELECT f.season_id, sc.fixture_id,
       CAST(SUM(CASE WHEN sc.period = 'ET' AND sc.participant = 'home' THEN sc.goals END) AS SIGNED) AS extra_time_home,
       CAST(SUM(CASE WHEN sc.period = 'ET' AND sc.participant = 'away' THEN sc.goals END) AS SIGNED) AS extra_time_away,
       CAST(SUM(CASE WHEN sc.period = 'PENALTY_SHOOTOUT' AND sc.participant = 'home' THEN sc.goals END) AS SIGNED) AS penalties_home,
       CAST(SUM(CASE WHEN sc.period = 'PENALTY_SHOOTOUT' AND sc.participant = 'away' THEN sc.goals END) AS SIGNED) AS penalties_away
FROM fixture_scores sc
JOIN fixtures f ON f.id = sc.fixture_id
WHERE sc.period IN ('ET', 'PENALTY_SHOOTOUT') AND f.deleted_at IS NULL
GROUP BY f.season_id, sc.fixture_id
ORDER BY f.season_id, sc.fixture_id;
