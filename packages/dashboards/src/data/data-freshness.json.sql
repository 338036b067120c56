-- The data_freshness view (issue 19), when it exists: per league, as the orchestrator sees it.
-- requires: data_freshness
SELECT * FROM data_freshness;
