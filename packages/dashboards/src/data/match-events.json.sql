-- Goals, cards and substitutions of every fixture, in match order (match detail, issue 16).
-- requires: fixture_events.fixture_id, fixture_events.minute, fixture_events.extra_minute, fixture_events.team_id, fixture_events.type_id, fixture_events.player_id, fixture_events.related_player_id, players.name, types.name
SELECT e.fixture_id, e.minute, e.extra_minute, e.team_id, t.name AS event, p.name AS player, rp.name AS related_player
FROM fixture_events e
JOIN types t ON t.id = e.type_id
LEFT JOIN players p ON p.id = e.player_id
LEFT JOIN players rp ON rp.id = e.related_player_id
ORDER BY e.fixture_id, e.minute, COALESCE(e.extra_minute, 0), e.id;
