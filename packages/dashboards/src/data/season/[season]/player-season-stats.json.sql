-- Each player's season for every team he played for: appearances, minutes, goals, assists,
-- cards (the player_season_stats view, match detail, issue 16). The players page ranks them.
-- requires: player_season_stats.season_id, player_season_stats.player_id, player_season_stats.player, player_season_stats.team_id, player_season_stats.team, player_season_stats.appearances, player_season_stats.minutes, player_season_stats.goals, player_season_stats.assists, player_season_stats.yellow_cards, player_season_stats.red_cards
SELECT season_id, team_id, team, player_id, player, appearances, minutes, goals, assists, yellow_cards, red_cards
FROM player_season_stats
WHERE appearances > 0
ORDER BY season_id, goals DESC, assists DESC, player, player_id;
