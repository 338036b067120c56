-- Team statistics of every fixture, one row per fixture and side (the fixture_team_stats view,
-- match detail, issue 16).
-- requires: fixture_team_stats.season_id, fixture_team_stats.fixture_id, fixture_team_stats.team_id, fixture_team_stats.possession, fixture_team_stats.shots, fixture_team_stats.shots_on_target, fixture_team_stats.corners, fixture_team_stats.fouls
SELECT season_id, fixture_id, team_id, possession, shots, shots_on_target, corners, fouls
FROM fixture_team_stats
ORDER BY season_id, fixture_id, team_id;
