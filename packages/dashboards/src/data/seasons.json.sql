-- Every season that has fixtures, with its league: the league and season filters of every page.
-- requires: fixtures
SELECT s.league_id, l.name AS league, s.id AS season_id, s.name AS season, s.is_current, s.finished
FROM seasons s
JOIN leagues l ON l.id = s.league_id
WHERE EXISTS (SELECT 1 FROM fixtures f WHERE f.season_id = s.id AND f.deleted_at IS NULL)
ORDER BY l.name, s.starting_at DESC, s.name DESC;
