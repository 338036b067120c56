-- Every finished match of every team, from the team's side: the team page's timeline, rolling
-- goals and home/away split.
-- requires: fixture_results
SELECT season_id, home_team_id AS team_id, fixture_id, starting_at, 'home' AS venue, away_team_id AS opponent_id,
       home_goals AS goals_for, away_goals AS goals_against,
       CASE WHEN home_goals > away_goals THEN 'W' WHEN home_goals = away_goals THEN 'D' ELSE 'L' END AS result
FROM fixture_results
WHERE state IN ('FT', 'AET', 'FT_PEN') AND home_team_id IS NOT NULL AND away_team_id IS NOT NULL
UNION ALL
SELECT season_id, away_team_id, fixture_id, starting_at, 'away', home_team_id,
       away_goals, home_goals,
       CASE WHEN away_goals > home_goals THEN 'W' WHEN away_goals = home_goals THEN 'D' ELSE 'L' END
FROM fixture_results
WHERE state IN ('FT', 'AET', 'FT_PEN') AND home_team_id IS NOT NULL AND away_team_id IS NOT NULL
ORDER BY season_id, team_id, starting_at, fixture_id;
