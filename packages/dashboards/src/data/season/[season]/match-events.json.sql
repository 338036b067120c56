-- Goals, cards, substitutions … of every fixture, in match order (match detail, issue 16): the
-- event's kind from types, the players as SportMonks named them on the event.
-- requires: fixture_events.fixture_id, fixture_events.period_id, fixture_events.minute, fixture_events.extra_minute, fixture_events.team_id, fixture_events.type_id, fixture_events.player_name, fixture_events.related_player_name, types.name
SELECT f.season_id, e.fixture_id, e.minute, e.extra_minute, e.team_id, t.name AS event,
       e.player_name AS player, e.related_player_name AS related_player
FROM fixture_events e
JOIN fixtures f ON f.id = e.fixture_id
JOIN types t ON t.id = e.type_id
WHERE f.deleted_at IS NULL AND e.minute IS NOT NULL
ORDER BY f.season_id, e.fixture_id, e.period_id, e.minute, COALESCE(e.extra_minute, 0), e.id;
