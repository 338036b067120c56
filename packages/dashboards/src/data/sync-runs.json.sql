-- The sync runs of the last 14 days before the latest one: what each did and how long it took.
-- requires: sync_runs
SELECT id, entity, mode, status, started_at, finished_at,
       ROUND(TIMESTAMPDIFF(MICROSECOND, started_at, COALESCE(finished_at, heartbeat_at)) / 1e6, 1) AS duration_s,
       fetched, created, updated, unchanged, quarantined, upstream_calls, rate_limit_wait_ms
FROM sync_runs
WHERE started_at >= (SELECT MAX(started_at) FROM sync_runs) - INTERVAL 14 DAY
ORDER BY started_at, id;
