-- How fresh each league is as the orchestrator sees it (the data_freshness view, issue 19): last
-- successful full and incremental sync covering it, last change and last live change landed,
-- fixtures that should have settled but have not.
-- requires: data_freshness.league_id, data_freshness.league, data_freshness.last_full_sync_at, data_freshness.last_incremental_sync_at, data_freshness.last_change_at, data_freshness.last_live_change_at, data_freshness.oldest_unsettled_kickoff_at, data_freshness.unsettled_fixtures
SELECT league_id, league, last_full_sync_at, last_incremental_sync_at, last_change_at, last_live_change_at,
       oldest_unsettled_kickoff_at, unsettled_fixtures
FROM data_freshness
ORDER BY league;
