-- How fresh each league is (issue 19): one row per league. Plain SQL that MariaDB 10.11 and
-- MySQL 8.4 both accept. A run covers a league when its scope names it or names no league.

CREATE VIEW `data_freshness` AS
SELECT
    `l`.`id` AS `league_id`,
    `l`.`name` AS `league`,
    (SELECT MAX(`r`.`finished_at`) FROM `sync_runs` `r`
      WHERE `r`.`status` = 'succeeded' AND `r`.`mode` = 'full' AND `r`.`entity` IN ('fixtures', 'all')
        AND (JSON_EXTRACT(`r`.`scope`, '$.leagues') IS NULL OR JSON_CONTAINS(JSON_EXTRACT(`r`.`scope`, '$.leagues'), CAST(`l`.`id` AS CHAR))))
      AS `last_full_sync_at`,
    (SELECT MAX(`r`.`finished_at`) FROM `sync_runs` `r`
      WHERE `r`.`status` = 'succeeded' AND `r`.`mode` = 'incremental' AND `r`.`entity` IN ('fixtures', 'all')
        AND (JSON_EXTRACT(`r`.`scope`, '$.leagues') IS NULL OR JSON_CONTAINS(JSON_EXTRACT(`r`.`scope`, '$.leagues'), CAST(`l`.`id` AS CHAR))))
      AS `last_incremental_sync_at`,
    (SELECT MAX(`f`.`updated_at`) FROM `fixtures` `f` WHERE `f`.`league_id` = `l`.`id`) AS `last_change_at`,
    -- A change landed while the match could be on: from 15 minutes before kick-off to 3 hours after.
    (SELECT MAX(`f`.`updated_at`) FROM `fixtures` `f`
      WHERE `f`.`league_id` = `l`.`id`
        AND `f`.`updated_at` >= `f`.`starting_at` - INTERVAL 15 MINUTE
        AND `f`.`updated_at` < `f`.`starting_at` + INTERVAL 3 HOUR)
      AS `last_live_change_at`,
    -- Kicked off more than 3 hours ago, not deleted, and still not in a final state.
    (SELECT MIN(`f`.`starting_at`) FROM `fixtures` `f` JOIN `fixture_states` `st` ON `st`.`id` = `f`.`state_id`
      WHERE `f`.`league_id` = `l`.`id` AND `f`.`deleted_at` IS NULL AND `st`.`is_final_state` = 0
        AND `f`.`starting_at` < UTC_TIMESTAMP(3) - INTERVAL 3 HOUR)
      AS `oldest_unsettled_kickoff_at`,
    (SELECT COUNT(*) FROM `fixtures` `f` JOIN `fixture_states` `st` ON `st`.`id` = `f`.`state_id`
      WHERE `f`.`league_id` = `l`.`id` AND `f`.`deleted_at` IS NULL AND `st`.`is_final_state` = 0
        AND `f`.`starting_at` < UTC_TIMESTAMP(3) - INTERVAL 3 HOUR)
      AS `unsettled_fixtures`
FROM `leagues` `l`;
