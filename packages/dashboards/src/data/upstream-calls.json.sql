-- SportMonks calls per hour (each run's calls in the hour it started), over the last 14 days,
-- against the hourly budget (@hourly_call_budget, set by DASHBOARDS_HOURLY_CALL_BUDGET).
-- requires: sync_runs
SELECT hour, CAST(SUM(upstream_calls) AS SIGNED) AS calls, COUNT(*) AS runs,
       CAST(SUM(rate_limit_wait_ms) AS SIGNED) AS rate_limit_wait_ms, @hourly_call_budget AS budget
FROM (
  SELECT CAST(DATE_FORMAT(started_at, '%Y-%m-%d %H:00:00') AS DATETIME) AS hour, upstream_calls, rate_limit_wait_ms
  FROM sync_runs
  WHERE started_at >= (SELECT MAX(started_at) FROM sync_runs) - INTERVAL 14 DAY
) r
GROUP BY hour
ORDER BY hour;
