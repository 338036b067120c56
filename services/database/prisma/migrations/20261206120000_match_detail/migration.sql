-- Match detail (issue 16): a fixture's events, lineups (+ per-player details), team statistics,
-- referees and formations, each row keyed on its SportMonks id and replaced exactly when the
-- fixture's detail changes upstream. fixture_detail_syncs keeps, per fixture and kind, a hash of
-- the whole set: an unchanged set is recognised without reading its rows.

-- AlterTable: a run's detail rows per kind and the includes the plan lacked.
ALTER TABLE `sync_runs` ADD COLUMN `detail` JSON NULL;

-- CreateTable
CREATE TABLE `fixture_events` (
    `id` BIGINT NOT NULL,
    `fixture_id` INTEGER NOT NULL,
    `period_id` INTEGER NULL,
    `team_id` INTEGER NULL,
    `player_id` INTEGER NULL,
    `player_name` VARCHAR(191) NULL,
    `related_player_id` INTEGER NULL,
    `related_player_name` VARCHAR(191) NULL,
    `type_id` INTEGER NOT NULL,
    `sub_type_id` INTEGER NULL,
    `minute` INTEGER NULL,
    `extra_minute` INTEGER NULL,
    `result` VARCHAR(32) NULL,
    `info` VARCHAR(191) NULL,
    `addition` VARCHAR(191) NULL,
    `injured` BOOLEAN NULL,
    `on_bench` BOOLEAN NULL,
    `sort_order` INTEGER NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `fixture_events_fixture_id_idx`(`fixture_id`),
    INDEX `fixture_events_team_id_idx`(`team_id`),
    INDEX `fixture_events_player_id_idx`(`player_id`),
    INDEX `fixture_events_type_id_idx`(`type_id`),
    INDEX `fixture_events_sub_type_id_idx`(`sub_type_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `fixture_lineups` (
    `id` BIGINT NOT NULL,
    `fixture_id` INTEGER NOT NULL,
    `team_id` INTEGER NOT NULL,
    `player_id` INTEGER NULL,
    `player_name` VARCHAR(191) NULL,
    `type_id` INTEGER NOT NULL,
    `position_id` INTEGER NULL,
    `formation_field` VARCHAR(16) NULL,
    `formation_position` INTEGER NULL,
    `jersey_number` INTEGER NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `fixture_lineups_fixture_id_idx`(`fixture_id`),
    INDEX `fixture_lineups_team_id_idx`(`team_id`),
    INDEX `fixture_lineups_player_id_idx`(`player_id`),
    INDEX `fixture_lineups_type_id_idx`(`type_id`),
    INDEX `fixture_lineups_position_id_idx`(`position_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `fixture_lineup_details` (
    `id` BIGINT NOT NULL,
    `fixture_id` INTEGER NOT NULL,
    `lineup_id` BIGINT NOT NULL,
    `team_id` INTEGER NULL,
    `player_id` INTEGER NULL,
    `type_id` INTEGER NOT NULL,
    `value` DOUBLE NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `fixture_lineup_details_fixture_id_idx`(`fixture_id`),
    INDEX `fixture_lineup_details_lineup_id_idx`(`lineup_id`),
    INDEX `fixture_lineup_details_team_id_idx`(`team_id`),
    INDEX `fixture_lineup_details_player_id_type_id_idx`(`player_id`, `type_id`),
    INDEX `fixture_lineup_details_type_id_idx`(`type_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `fixture_statistics` (
    `id` BIGINT NOT NULL,
    `fixture_id` INTEGER NOT NULL,
    `team_id` INTEGER NOT NULL,
    `type_id` INTEGER NOT NULL,
    `value` DOUBLE NULL,
    `location` VARCHAR(8) NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `fixture_statistics_fixture_id_idx`(`fixture_id`),
    INDEX `fixture_statistics_team_id_idx`(`team_id`),
    INDEX `fixture_statistics_type_id_idx`(`type_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `fixture_referees` (
    `id` BIGINT NOT NULL,
    `fixture_id` INTEGER NOT NULL,
    `referee_id` INTEGER NOT NULL,
    `type_id` INTEGER NOT NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `fixture_referees_fixture_id_idx`(`fixture_id`),
    INDEX `fixture_referees_referee_id_idx`(`referee_id`),
    INDEX `fixture_referees_type_id_idx`(`type_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `fixture_formations` (
    `id` BIGINT NOT NULL,
    `fixture_id` INTEGER NOT NULL,
    `team_id` INTEGER NOT NULL,
    `formation` VARCHAR(32) NOT NULL,
    `location` VARCHAR(8) NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `fixture_formations_fixture_id_idx`(`fixture_id`),
    INDEX `fixture_formations_team_id_idx`(`team_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `fixture_detail_syncs` (
    `fixture_id` INTEGER NOT NULL,
    `kind` VARCHAR(32) NOT NULL,
    `row_count` INTEGER NOT NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`fixture_id`, `kind`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `fixture_events` ADD CONSTRAINT `fixture_events_fixture_id_fkey` FOREIGN KEY (`fixture_id`) REFERENCES `fixtures`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_events` ADD CONSTRAINT `fixture_events_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_lineups` ADD CONSTRAINT `fixture_lineups_fixture_id_fkey` FOREIGN KEY (`fixture_id`) REFERENCES `fixtures`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_lineups` ADD CONSTRAINT `fixture_lineups_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_lineup_details` ADD CONSTRAINT `fixture_lineup_details_fixture_id_fkey` FOREIGN KEY (`fixture_id`) REFERENCES `fixtures`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_lineup_details` ADD CONSTRAINT `fixture_lineup_details_lineup_id_fkey` FOREIGN KEY (`lineup_id`) REFERENCES `fixture_lineups`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_lineup_details` ADD CONSTRAINT `fixture_lineup_details_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_statistics` ADD CONSTRAINT `fixture_statistics_fixture_id_fkey` FOREIGN KEY (`fixture_id`) REFERENCES `fixtures`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_statistics` ADD CONSTRAINT `fixture_statistics_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_referees` ADD CONSTRAINT `fixture_referees_fixture_id_fkey` FOREIGN KEY (`fixture_id`) REFERENCES `fixtures`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_formations` ADD CONSTRAINT `fixture_formations_fixture_id_fkey` FOREIGN KEY (`fixture_id`) REFERENCES `fixtures`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_formations` ADD CONSTRAINT `fixture_formations_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_detail_syncs` ADD CONSTRAINT `fixture_detail_syncs_fixture_id_fkey` FOREIGN KEY (`fixture_id`) REFERENCES `fixtures`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_events` ADD CONSTRAINT `fixture_events_type_id_fkey` FOREIGN KEY (`type_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_events` ADD CONSTRAINT `fixture_events_sub_type_id_fkey` FOREIGN KEY (`sub_type_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_lineups` ADD CONSTRAINT `fixture_lineups_type_id_fkey` FOREIGN KEY (`type_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_lineups` ADD CONSTRAINT `fixture_lineups_position_id_fkey` FOREIGN KEY (`position_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_lineup_details` ADD CONSTRAINT `fixture_lineup_details_type_id_fkey` FOREIGN KEY (`type_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_statistics` ADD CONSTRAINT `fixture_statistics_type_id_fkey` FOREIGN KEY (`type_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_referees` ADD CONSTRAINT `fixture_referees_type_id_fkey` FOREIGN KEY (`type_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- Views for analysts, computed from the events and lineups. Event types: 14 goal, 15 own goal,
-- 16 penalty scored, 18 substitution, 19 yellow card, 20 red card, 21 second yellow (red);
-- shoot-out kicks (22, 23) never count. An own goal's team_id is the erring player's team: it
-- counts for the other side.

-- One row per goal of a fixture the source still has.
CREATE VIEW `goals` AS
SELECT
    `g`.`event_id` AS `event_id`,
    `g`.`fixture_id` AS `fixture_id`,
    `g`.`starting_at` AS `starting_at`,
    `g`.`league_id` AS `league_id`,
    `g`.`season_id` AS `season_id`,
    `g`.`minute` AS `minute`,
    `g`.`extra_minute` AS `extra_minute`,
    `g`.`kind` AS `kind`,
    `g`.`team_id` AS `team_id`,
    `t`.`name` AS `team`,
    CASE WHEN `g`.`team_id` = `g`.`home_team_id` THEN 'home' ELSE 'away' END AS `side`,
    `g`.`scorer_id` AS `scorer_id`,
    `g`.`scorer` AS `scorer`,
    `g`.`assist_id` AS `assist_id`,
    `g`.`assist` AS `assist`,
    `g`.`score_after` AS `score_after`
FROM (
    SELECT `e`.`id` AS `event_id`, `e`.`fixture_id` AS `fixture_id`, `f`.`starting_at` AS `starting_at`,
           `f`.`league_id` AS `league_id`, `f`.`season_id` AS `season_id`, `f`.`home_team_id` AS `home_team_id`,
           `e`.`minute` AS `minute`, `e`.`extra_minute` AS `extra_minute`,
           CASE `e`.`type_id` WHEN 15 THEN 'own goal' WHEN 16 THEN 'penalty' ELSE 'goal' END AS `kind`,
           CASE WHEN `e`.`type_id` <> 15 THEN `e`.`team_id`
                WHEN `e`.`team_id` = `f`.`home_team_id` THEN `f`.`away_team_id`
                ELSE `f`.`home_team_id` END AS `team_id`,
           `e`.`player_id` AS `scorer_id`, `e`.`player_name` AS `scorer`,
           CASE WHEN `e`.`type_id` = 15 THEN NULL ELSE `e`.`related_player_id` END AS `assist_id`,
           CASE WHEN `e`.`type_id` = 15 THEN NULL ELSE `e`.`related_player_name` END AS `assist`,
           `e`.`result` AS `score_after`
    FROM `fixture_events` `e` JOIN `fixtures` `f` ON `f`.`id` = `e`.`fixture_id`
    WHERE `e`.`type_id` IN (14, 15, 16) AND `f`.`deleted_at` IS NULL
) `g`
LEFT JOIN `teams` `t` ON `t`.`id` = `g`.`team_id`;

-- Goals per player and season from the events (penalties included, own goals and shoot-outs not),
-- ranked within the season: what SportMonks' goal top-scorer list (type 208) says.
CREATE VIEW `top_scorers` AS
SELECT
    `x`.`league_id` AS `league_id`,
    `x`.`season_id` AS `season_id`,
    RANK() OVER (PARTITION BY `x`.`season_id` ORDER BY `x`.`goals` DESC) AS `position`,
    `x`.`player_id` AS `player_id`,
    `x`.`player` AS `player`,
    `x`.`team_id` AS `team_id`,
    `t`.`name` AS `team`,
    `x`.`goals` AS `goals`,
    `x`.`penalties` AS `penalties`
FROM (
    SELECT `f`.`league_id` AS `league_id`, `f`.`season_id` AS `season_id`, `e`.`player_id` AS `player_id`,
           MAX(`e`.`player_name`) AS `player`, `e`.`team_id` AS `team_id`,
           CAST(COUNT(*) AS SIGNED) AS `goals`,
           CAST(SUM(`e`.`type_id` = 16) AS SIGNED) AS `penalties`
    FROM `fixture_events` `e` JOIN `fixtures` `f` ON `f`.`id` = `e`.`fixture_id`
    WHERE `e`.`type_id` IN (14, 16) AND `e`.`player_id` IS NOT NULL AND `f`.`deleted_at` IS NULL
    GROUP BY `f`.`league_id`, `f`.`season_id`, `e`.`player_id`, `e`.`team_id`
) `x`
LEFT JOIN `teams` `t` ON `t`.`id` = `x`.`team_id`;

-- One row per player, team and season from the lineups and events: appearances (started, or came
-- on), starts, minutes (from kick-off or coming on to going off, a red card, or 90), goals
-- (penalties included), assists, cards (a second yellow counts as a red). The events are
-- aggregated once per fixture and player (as actor, and as the related player), then joined.
CREATE VIEW `player_season_stats` AS
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
        `l`.`fixture_id` AS `fixture_id`, `l`.`team_id` AS `team_id`, `l`.`player_id` AS `player_id`,
        `l`.`player_name` AS `player_name`, `l`.`type_id` AS `type_id`,
        CASE WHEN `l`.`type_id` = 11 THEN 0 ELSE `p`.`came_on` END AS `on_minute`,
        COALESCE(LEAST(COALESCE(`r`.`went_off`, `p`.`sent_off`), COALESCE(`p`.`sent_off`, `r`.`went_off`)), 90) AS `off_minute`,
        COALESCE(`p`.`goals`, 0) AS `goals`,
        COALESCE(`r`.`assists`, 0) AS `assists`,
        COALESCE(`p`.`yellow_cards`, 0) AS `yellow_cards`,
        COALESCE(`p`.`red_cards`, 0) AS `red_cards`
    FROM `fixture_lineups` `l`
    LEFT JOIN (
        SELECT `e`.`fixture_id` AS `fixture_id`, `e`.`player_id` AS `player_id`,
               MIN(CASE WHEN `e`.`type_id` = 18 THEN `e`.`minute` END) AS `came_on`,
               MIN(CASE WHEN `e`.`type_id` IN (20, 21) THEN `e`.`minute` END) AS `sent_off`,
               SUM(`e`.`type_id` IN (14, 16)) AS `goals`,
               SUM(`e`.`type_id` = 19) AS `yellow_cards`,
               SUM(`e`.`type_id` IN (20, 21)) AS `red_cards`
        FROM `fixture_events` `e`
        WHERE `e`.`player_id` IS NOT NULL
        GROUP BY `e`.`fixture_id`, `e`.`player_id`
    ) `p` ON `p`.`fixture_id` = `l`.`fixture_id` AND `p`.`player_id` = `l`.`player_id`
    LEFT JOIN (
        SELECT `e`.`fixture_id` AS `fixture_id`, `e`.`related_player_id` AS `player_id`,
               MIN(CASE WHEN `e`.`type_id` = 18 THEN `e`.`minute` END) AS `went_off`,
               SUM(`e`.`type_id` = 14) AS `assists`
        FROM `fixture_events` `e`
        WHERE `e`.`related_player_id` IS NOT NULL
        GROUP BY `e`.`fixture_id`, `e`.`related_player_id`
    ) `r` ON `r`.`fixture_id` = `l`.`fixture_id` AND `r`.`player_id` = `l`.`player_id`
    WHERE `l`.`player_id` IS NOT NULL
) `a`
JOIN `fixtures` `f` ON `f`.`id` = `a`.`fixture_id`
LEFT JOIN `teams` `t` ON `t`.`id` = `a`.`team_id`
WHERE `f`.`deleted_at` IS NULL
GROUP BY `f`.`league_id`, `f`.`season_id`, `a`.`player_id`, `a`.`team_id`, `t`.`name`;

-- One row per fixture and side that has team statistics: the common statistic types as columns.
CREATE VIEW `fixture_team_stats` AS
SELECT
    `x`.`fixture_id` AS `fixture_id`,
    `x`.`starting_at` AS `starting_at`,
    `x`.`league_id` AS `league_id`,
    `x`.`season_id` AS `season_id`,
    `x`.`side` AS `side`,
    `x`.`team_id` AS `team_id`,
    `t`.`name` AS `team`,
    `x`.`opponent_id` AS `opponent_id`,
    `x`.`goals_for` AS `goals_for`,
    `x`.`goals_against` AS `goals_against`,
    MAX(CASE WHEN `s`.`type_id` = 45 THEN `s`.`value` END) AS `possession`,
    MAX(CASE WHEN `s`.`type_id` = 42 THEN `s`.`value` END) AS `shots`,
    MAX(CASE WHEN `s`.`type_id` = 86 THEN `s`.`value` END) AS `shots_on_target`,
    MAX(CASE WHEN `s`.`type_id` = 41 THEN `s`.`value` END) AS `shots_off_target`,
    MAX(CASE WHEN `s`.`type_id` = 34 THEN `s`.`value` END) AS `corners`,
    MAX(CASE WHEN `s`.`type_id` = 56 THEN `s`.`value` END) AS `fouls`,
    MAX(CASE WHEN `s`.`type_id` = 51 THEN `s`.`value` END) AS `offsides`,
    MAX(CASE WHEN `s`.`type_id` = 57 THEN `s`.`value` END) AS `saves`,
    MAX(CASE WHEN `s`.`type_id` = 84 THEN `s`.`value` END) AS `yellow_cards`,
    MAX(CASE WHEN `s`.`type_id` = 83 THEN `s`.`value` END) AS `red_cards`,
    MAX(CASE WHEN `s`.`type_id` = 80 THEN `s`.`value` END) AS `passes`,
    MAX(CASE WHEN `s`.`type_id` = 44 THEN `s`.`value` END) AS `dangerous_attacks`
FROM (
    SELECT `f`.`id` AS `fixture_id`, `f`.`starting_at` AS `starting_at`, `f`.`league_id` AS `league_id`, `f`.`season_id` AS `season_id`,
           'home' AS `side`, `f`.`home_team_id` AS `team_id`, `f`.`away_team_id` AS `opponent_id`,
           `f`.`home_goals` AS `goals_for`, `f`.`away_goals` AS `goals_against`
    FROM `fixtures` `f` WHERE `f`.`deleted_at` IS NULL AND `f`.`home_team_id` IS NOT NULL
    UNION ALL
    SELECT `f`.`id`, `f`.`starting_at`, `f`.`league_id`, `f`.`season_id`, 'away', `f`.`away_team_id`, `f`.`home_team_id`, `f`.`away_goals`, `f`.`home_goals`
    FROM `fixtures` `f` WHERE `f`.`deleted_at` IS NULL AND `f`.`away_team_id` IS NOT NULL
) `x`
JOIN `fixture_statistics` `s` ON `s`.`fixture_id` = `x`.`fixture_id` AND `s`.`team_id` = `x`.`team_id`
LEFT JOIN `teams` `t` ON `t`.`id` = `x`.`team_id`
GROUP BY `x`.`fixture_id`, `x`.`starting_at`, `x`.`league_id`, `x`.`season_id`, `x`.`side`, `x`.`team_id`, `t`.`name`, `x`.`opponent_id`, `x`.`goals_for`, `x`.`goals_against`;
