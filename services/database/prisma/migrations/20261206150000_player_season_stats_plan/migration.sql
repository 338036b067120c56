-- player_season_stats, same rows, a plan that cannot blow up. The first version joined each
-- lineup row to event aggregates grouped by (fixture, player); MariaDB's lateral-derived
-- (split materialized) plan could then recompute those aggregates once per lineup row, and on
-- fresh statistics a whole-table read took over 30 s. Here each lineup row meets its fixture's
-- events through the fixture_id index, grouped by fixture and lineup row: a split, when chosen,
-- is per fixture (a season's rows read in a fraction of a second, every season in a few).
CREATE OR REPLACE VIEW `player_season_stats` AS
SELECT
    `f`.`league_id` AS `league_id`,
    `f`.`season_id` AS `season_id`,
    `a`.`player_id` AS `player_id`,
    MAX(`a`.`player_name`) AS `player`,
    `a`.`team_id` AS `team_id`,
    `t`.`name` AS `team`,
    CAST(SUM(`a`.`on_minute` IS NOT NULL) AS SIGNED) AS `appearances`,
    CAST(SUM(`a`.`type_id` = 11) AS SIGNED) AS `starts`,
    CAST(COALESCE(SUM(GREATEST(`a`.`off_minute` - `a`.`on_minute`, 0)), 0) AS SIGNED) AS `minutes`,
    CAST(SUM(`a`.`goals`) AS SIGNED) AS `goals`,
    CAST(SUM(`a`.`assists`) AS SIGNED) AS `assists`,
    CAST(SUM(`a`.`yellow_cards`) AS SIGNED) AS `yellow_cards`,
    CAST(SUM(`a`.`red_cards`) AS SIGNED) AS `red_cards`
FROM (
    SELECT
        `m`.`fixture_id` AS `fixture_id`, `m`.`team_id` AS `team_id`, `m`.`player_id` AS `player_id`,
        `m`.`player_name` AS `player_name`, `m`.`type_id` AS `type_id`,
        CASE WHEN `m`.`type_id` = 11 THEN 0 ELSE `m`.`came_on` END AS `on_minute`,
        COALESCE(LEAST(COALESCE(`m`.`went_off`, `m`.`sent_off`), COALESCE(`m`.`sent_off`, `m`.`went_off`)), 90) AS `off_minute`,
        `m`.`goals` AS `goals`, `m`.`assists` AS `assists`, `m`.`yellow_cards` AS `yellow_cards`, `m`.`red_cards` AS `red_cards`
    FROM (
        SELECT
            `l`.`fixture_id` AS `fixture_id`, MAX(`l`.`team_id`) AS `team_id`, MAX(`l`.`player_id`) AS `player_id`,
            MAX(`l`.`player_name`) AS `player_name`, MAX(`l`.`type_id`) AS `type_id`,
            MIN(CASE WHEN `e`.`type_id` = 18 AND `e`.`player_id` = `l`.`player_id` THEN `e`.`minute` END) AS `came_on`,
            MIN(CASE WHEN `e`.`type_id` IN (20, 21) AND `e`.`player_id` = `l`.`player_id` THEN `e`.`minute` END) AS `sent_off`,
            MIN(CASE WHEN `e`.`type_id` = 18 AND `e`.`related_player_id` = `l`.`player_id` THEN `e`.`minute` END) AS `went_off`,
            COALESCE(SUM(`e`.`type_id` IN (14, 16) AND `e`.`player_id` = `l`.`player_id`), 0) AS `goals`,
            COALESCE(SUM(`e`.`type_id` = 14 AND `e`.`related_player_id` = `l`.`player_id`), 0) AS `assists`,
            COALESCE(SUM(`e`.`type_id` = 19 AND `e`.`player_id` = `l`.`player_id`), 0) AS `yellow_cards`,
            COALESCE(SUM(`e`.`type_id` IN (20, 21) AND `e`.`player_id` = `l`.`player_id`), 0) AS `red_cards`
        FROM `fixture_lineups` `l`
        LEFT JOIN `fixture_events` `e`
          ON `e`.`fixture_id` = `l`.`fixture_id` AND (`e`.`player_id` = `l`.`player_id` OR `e`.`related_player_id` = `l`.`player_id`)
        WHERE `l`.`player_id` IS NOT NULL
        GROUP BY `l`.`fixture_id`, `l`.`id`
    ) `m`
) `a`
JOIN `fixtures` `f` ON `f`.`id` = `a`.`fixture_id`
LEFT JOIN `teams` `t` ON `t`.`id` = `a`.`team_id`
WHERE `f`.`deleted_at` IS NULL
GROUP BY `f`.`league_id`, `f`.`season_id`, `a`.`player_id`, `a`.`team_id`, `t`.`name`;
