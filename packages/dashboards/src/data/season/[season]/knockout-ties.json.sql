-- The knock-out rounds of a season: every two-legged tie (the knockout_ties view, issue 15) and
-- every single-match knock-out fixture (a final; stage types 224 knock-out, 225 qualifying),
-- stages in their order.
-- requires: knockout_ties.aggregate_id, knockout_ties.team_a_goals, stages.sort_order, stages.type_id
SELECT k.season_id, k.stage_id, k.stage, st.sort_order AS stage_order, k.aggregate_id AS tie_id,
       k.team_a_id, k.team_a, k.team_b_id, k.team_b, k.first_leg_score, k.second_leg_score,
       k.team_a_goals, k.team_b_goals, k.detail, k.winner_team_id,
       k.first_leg_starting_at AS starting_at
FROM knockout_ties k
JOIN stages st ON st.id = k.stage_id
UNION ALL
SELECT r.season_id, st.id, st.name, st.sort_order, NULL,
       r.home_team_id, r.home_team, r.away_team_id, r.away_team, r.score, NULL,
       r.home_goals, r.away_goals, r.result_info,
       CASE WHEN r.home_goals > r.away_goals THEN r.home_team_id WHEN r.away_goals > r.home_goals THEN r.away_team_id END,
       r.starting_at
FROM fixture_results r
JOIN fixtures f ON f.id = r.fixture_id
JOIN stages st ON st.id = f.stage_id
WHERE st.type_id IN (224, 225) AND f.aggregate_id IS NULL
ORDER BY season_id, stage_order, stage_id, starting_at, tie_id;
