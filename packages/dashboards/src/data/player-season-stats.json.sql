-- Each player's season for every team he played for: appearances, minutes, goals, assists,
-- cards (match detail, issue 16). The players page ranks them.
-- requires: player_season_stats.season_id, player_season_stats.player_id, player_season_stats.team_id, player_season_stats.appearances, player_season_stats.minutes, player_season_stats.goals, player_season_stats.assists, player_season_stats.yellow_cards, player_season_stats.red_cards, players.name
SELECT s.season_id, s.team_id, s.player_id, p.name AS player, s.appearances, s.minutes, s.goals, s.assists,
       s.yellow_cards, s.red_cards
FROM player_season_stats s
JOIN players p ON p.id = s.player_id
WHERE s.appearances > 0
ORDER BY s.season_id, s.goals DESC, s.assists DESC, p.name;
