-- Views for analysts. Plain SQL that MariaDB 10.11 and MySQL 8.4 both accept.

-- One readable row per fixture the source still has (tombstoned fixtures are left out).
CREATE VIEW `fixture_results` AS
SELECT
    `f`.`id` AS `fixture_id`,
    `f`.`starting_at` AS `starting_at`,
    `f`.`league_id` AS `league_id`,
    `l`.`name` AS `league`,
    `f`.`season_id` AS `season_id`,
    `s`.`name` AS `season`,
    `f`.`home_team_id` AS `home_team_id`,
    `ht`.`name` AS `home_team`,
    `f`.`away_team_id` AS `away_team_id`,
    `at`.`name` AS `away_team`,
    `f`.`home_goals` AS `home_goals`,
    `f`.`away_goals` AS `away_goals`,
    CONCAT(`f`.`home_goals`, '-', `f`.`away_goals`) AS `score`,
    `f`.`home_goals_half_time` AS `home_goals_half_time`,
    `f`.`away_goals_half_time` AS `away_goals_half_time`,
    `st`.`state` AS `state`,
    `st`.`name` AS `state_name`,
    `f`.`result_info` AS `result_info`,
    `f`.`placeholder` AS `placeholder`
FROM `fixtures` `f`
JOIN `leagues` `l` ON `l`.`id` = `f`.`league_id`
JOIN `seasons` `s` ON `s`.`id` = `f`.`season_id`
JOIN `fixture_states` `st` ON `st`.`id` = `f`.`state_id`
LEFT JOIN `teams` `ht` ON `ht`.`id` = `f`.`home_team_id`
LEFT JOIN `teams` `at` ON `at`.`id` = `f`.`away_team_id`
WHERE `f`.`deleted_at` IS NULL;

-- The table of each season computed from its finished fixtures (FT, AET, FT_PEN):
-- 3 points a win, 1 a draw; ordered by points, goal difference, goals scored, then name.
CREATE VIEW `league_table` AS
SELECT
    `t`.`league_id` AS `league_id`,
    `l`.`name` AS `league`,
    `t`.`season_id` AS `season_id`,
    `s`.`name` AS `season`,
    ROW_NUMBER() OVER (
        PARTITION BY `t`.`season_id`
        ORDER BY `t`.`points` DESC, `t`.`goal_difference` DESC, `t`.`goals_for` DESC, `tm`.`name` ASC, `t`.`team_id` ASC
    ) AS `position`,
    `t`.`team_id` AS `team_id`,
    `tm`.`name` AS `team`,
    `t`.`played` AS `played`,
    `t`.`won` AS `won`,
    `t`.`drawn` AS `drawn`,
    `t`.`lost` AS `lost`,
    `t`.`goals_for` AS `goals_for`,
    `t`.`goals_against` AS `goals_against`,
    `t`.`goal_difference` AS `goal_difference`,
    `t`.`points` AS `points`
FROM (
    SELECT
        `r`.`league_id` AS `league_id`,
        `r`.`season_id` AS `season_id`,
        `r`.`team_id` AS `team_id`,
        CAST(COUNT(*) AS SIGNED) AS `played`,
        CAST(SUM(`r`.`scored` > `r`.`conceded`) AS SIGNED) AS `won`,
        CAST(SUM(`r`.`scored` = `r`.`conceded`) AS SIGNED) AS `drawn`,
        CAST(SUM(`r`.`scored` < `r`.`conceded`) AS SIGNED) AS `lost`,
        CAST(SUM(`r`.`scored`) AS SIGNED) AS `goals_for`,
        CAST(SUM(`r`.`conceded`) AS SIGNED) AS `goals_against`,
        CAST(SUM(`r`.`scored`) - SUM(`r`.`conceded`) AS SIGNED) AS `goal_difference`,
        CAST(3 * SUM(`r`.`scored` > `r`.`conceded`) + SUM(`r`.`scored` = `r`.`conceded`) AS SIGNED) AS `points`
    FROM (
        SELECT `f`.`league_id` AS `league_id`, `f`.`season_id` AS `season_id`, `f`.`home_team_id` AS `team_id`,
               `f`.`home_goals` AS `scored`, `f`.`away_goals` AS `conceded`
        FROM `fixtures` `f` JOIN `fixture_states` `st` ON `st`.`id` = `f`.`state_id`
        WHERE `st`.`state` IN ('FT', 'AET', 'FT_PEN') AND `f`.`deleted_at` IS NULL
          AND `f`.`home_team_id` IS NOT NULL AND `f`.`away_team_id` IS NOT NULL
          AND `f`.`home_goals` IS NOT NULL AND `f`.`away_goals` IS NOT NULL
        UNION ALL
        SELECT `f`.`league_id`, `f`.`season_id`, `f`.`away_team_id`, `f`.`away_goals`, `f`.`home_goals`
        FROM `fixtures` `f` JOIN `fixture_states` `st` ON `st`.`id` = `f`.`state_id`
        WHERE `st`.`state` IN ('FT', 'AET', 'FT_PEN') AND `f`.`deleted_at` IS NULL
          AND `f`.`home_team_id` IS NOT NULL AND `f`.`away_team_id` IS NOT NULL
          AND `f`.`home_goals` IS NOT NULL AND `f`.`away_goals` IS NOT NULL
    ) `r`
    GROUP BY `r`.`league_id`, `r`.`season_id`, `r`.`team_id`
) `t`
JOIN `leagues` `l` ON `l`.`id` = `t`.`league_id`
JOIN `seasons` `s` ON `s`.`id` = `t`.`season_id`
JOIN `teams` `tm` ON `tm`.`id` = `t`.`team_id`;
