-- Who played: starting XI (lineup type 11) and bench (12) of both teams of every fixture (match
-- detail, issue 16), starters in formation order.
-- requires: fixture_lineups.fixture_id, fixture_lineups.team_id, fixture_lineups.type_id, fixture_lineups.jersey_number, fixture_lineups.player_name, fixture_lineups.formation_position
SELECT f.season_id, l.fixture_id, l.team_id, l.type_id = 11 AS starting_xi, l.jersey_number, l.player_name AS player
FROM fixture_lineups l
JOIN fixtures f ON f.id = l.fixture_id
WHERE f.deleted_at IS NULL AND l.type_id IN (11, 12)
ORDER BY f.season_id, l.fixture_id, l.team_id, l.type_id, COALESCE(l.formation_position, 99), l.jersey_number, l.id;
