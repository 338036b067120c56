-- The table of every stage and group of a season (the league_table view, issue 15), stages in
-- their order, with each team's last five results in what the table counts (its stage and group,
-- and the earlier league stages where points carry over), oldest first ("WDLWW").
-- requires: league_table.stage_id, league_table.stage, league_table.group_id, league_table.group_name, league_table.carries_points, team_fixture_results.stage_id, stages.sort_order
WITH counted AS (
  SELECT lt.season_id, lt.stage_id, lt.group_id, lt.team_id, r.fixture_id, r.starting_at,
         CASE WHEN r.scored > r.conceded THEN 'W' WHEN r.scored = r.conceded THEN 'D' ELSE 'L' END AS outcome,
         ROW_NUMBER() OVER (PARTITION BY lt.season_id, lt.stage_id, lt.group_id, lt.team_id ORDER BY r.starting_at DESC, r.fixture_id DESC) AS n
  FROM league_table lt
  LEFT JOIN stages ms ON ms.id = lt.stage_id
  JOIN team_fixture_results r ON r.team_id = lt.team_id AND r.season_id = lt.season_id
  LEFT JOIN stages rs ON rs.id = r.stage_id
  WHERE (r.stage_id <=> lt.stage_id AND r.group_id <=> lt.group_id)
     OR (lt.carries_points AND rs.type_id = 223 AND rs.sort_order < ms.sort_order)
),
form AS (
  SELECT season_id, stage_id, group_id, team_id, GROUP_CONCAT(outcome ORDER BY starting_at, fixture_id SEPARATOR '') AS last_five
  FROM counted WHERE n <= 5
  GROUP BY season_id, stage_id, group_id, team_id
)
SELECT lt.season_id, lt.stage_id, lt.stage, st.sort_order AS stage_order, lt.group_id, lt.group_name,
       lt.carries_points, lt.position, lt.team_id, lt.team, lt.played, lt.won, lt.drawn, lt.lost,
       lt.goals_for, lt.goals_against, lt.goal_difference, lt.points, f.last_five
FROM league_table lt
LEFT JOIN stages st ON st.id = lt.stage_id
LEFT JOIN form f ON f.season_id = lt.season_id AND f.stage_id <=> lt.stage_id AND f.group_id <=> lt.group_id AND f.team_id = lt.team_id
ORDER BY lt.season_id, st.sort_order, lt.stage_id, lt.group_name, lt.position;
