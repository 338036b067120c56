-- Points of every team of a stage (and group) after each round it played in, counted as the
-- stage's table counts them (issue 15): the stage's results round by round (rounds.number), on
-- top of the earlier league stages' points where they carry over. The league_table_after_round
-- view gives the same figures for every round, but costs seconds per season.
-- requires: team_fixture_results.round_number, table_members.carries_points, stages.sort_order
WITH per_round AS (
  SELECT season_id, stage_id, group_id, round_number, team_id,
         SUM(CASE WHEN scored > conceded THEN 3 WHEN scored = conceded THEN 1 ELSE 0 END) AS points
  FROM team_fixture_results
  WHERE round_number IS NOT NULL
  GROUP BY season_id, stage_id, group_id, round_number, team_id
),
carried AS (
  SELECT m.season_id, m.stage_id, m.group_id, m.team_id,
         SUM(CASE WHEN r.scored > r.conceded THEN 3 WHEN r.scored = r.conceded THEN 1 ELSE 0 END) AS points
  FROM table_members m
  JOIN stages ms ON ms.id = m.stage_id
  JOIN team_fixture_results r ON r.team_id = m.team_id AND r.season_id = m.season_id
  JOIN stages rs ON rs.id = r.stage_id AND rs.type_id = 223 AND rs.sort_order < ms.sort_order
  WHERE m.carries_points
  GROUP BY m.season_id, m.stage_id, m.group_id, m.team_id
)
SELECT p.season_id, p.stage_id, p.group_id, p.round_number AS round, p.team_id,
       CAST(COALESCE(c.points, 0) + SUM(p.points) OVER (PARTITION BY p.season_id, p.stage_id, p.group_id, p.team_id ORDER BY p.round_number) AS SIGNED) AS points
FROM per_round p
LEFT JOIN carried c ON c.season_id = p.season_id AND c.stage_id = p.stage_id AND c.group_id <=> p.group_id AND c.team_id = p.team_id
ORDER BY p.season_id, p.stage_id, p.group_id, p.team_id, p.round_number;
