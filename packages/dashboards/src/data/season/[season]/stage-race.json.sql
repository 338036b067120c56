-- Points of every team of a stage (and group) after each of the stage's rounds, counted as the
-- stage's table counts them (the league_table_after_round view, issue 15): the points race.
-- requires: league_table_after_round.stage_id, league_table_after_round.group_id, league_table_after_round.round_number, league_table_after_round.points
SELECT season_id, stage_id, group_id, round_number AS round, team_id, points
FROM league_table_after_round
WHERE played > 0
ORDER BY season_id, stage_id, group_id, team_id, round_number;
