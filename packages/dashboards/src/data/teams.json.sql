-- Team names, once, for the pages that list matches by team id.
-- requires: fixtures
SELECT t.id AS team_id, t.name AS team
FROM teams t
WHERE EXISTS (SELECT 1 FROM fixtures f WHERE f.home_team_id = t.id OR f.away_team_id = t.id)
ORDER BY t.name;
