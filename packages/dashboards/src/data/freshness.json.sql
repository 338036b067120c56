-- How fresh each league's data is: when a sync last wrote one of its fixtures, when its current
-- season was last read completely (season_syncs), its latest finished match, and the latest
-- successful run of any kind.
-- requires: fixtures
SELECT l.id AS league_id, l.name AS league,
       MAX(f.last_synced_at) AS fixtures_synced_at,
       (SELECT MIN(ss.completed_at) FROM season_syncs ss JOIN seasons s ON s.id = ss.season_id
         WHERE s.league_id = l.id AND s.is_current) AS current_season_read_at,
       MAX(CASE WHEN st.state IN ('FT', 'AET', 'FT_PEN') THEN f.starting_at END) AS last_finished_kick_off,
       (SELECT MAX(r.finished_at) FROM sync_runs r WHERE r.status = 'succeeded') AS last_successful_run_at
FROM leagues l
JOIN fixtures f ON f.league_id = l.id AND f.deleted_at IS NULL
JOIN fixture_states st ON st.id = f.state_id
GROUP BY l.id, l.name
ORDER BY l.name;
