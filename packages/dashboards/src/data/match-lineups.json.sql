-- Who played: starting XI and bench of both teams of every fixture (match detail, issue 16).
-- requires: fixture_lineups.fixture_id, fixture_lineups.team_id, fixture_lineups.player_id, fixture_lineups.starting_xi, fixture_lineups.jersey_number, players.name
SELECT l.fixture_id, l.team_id, l.starting_xi, l.jersey_number, p.name AS player
FROM fixture_lineups l
JOIN players p ON p.id = l.player_id
ORDER BY l.fixture_id, l.team_id, l.starting_xi DESC, l.jersey_number;
