-- Every fixture with its score: the match page's picker and scoreboard.
-- requires: fixture_results
SELECT r.fixture_id, r.season_id, r.starting_at, r.home_team_id, r.away_team_id,
       r.home_goals, r.away_goals, r.home_goals_half_time, r.away_goals_half_time,
       r.state, r.state_name, v.name AS venue, r.result_info
FROM fixture_results r
JOIN fixtures f ON f.id = r.fixture_id
LEFT JOIN venues v ON v.id = f.venue_id
ORDER BY r.season_id, r.starting_at, r.fixture_id;
