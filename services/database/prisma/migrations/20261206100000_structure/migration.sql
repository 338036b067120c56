-- Competition structure (issue 15): countries and the types dictionary, stages, rounds, groups
-- and two-legged ties; fixtures' stage/round/group/aggregate ids and every type_id become
-- foreign keys; standings are indexed the way SportMonks keys them (season, stage, group, team).
--
-- Additive: a database that already holds fixtures, scores and standings keeps every row. The
-- ids they name get a placeholder row (name "Stage 123", content_hash of zeros) so the foreign
-- keys hold at once; the next sync of types, countries and fixtures replaces each placeholder
-- with the source's record (counted as updated).

-- CreateTable
CREATE TABLE `countries` (
    `id` INTEGER NOT NULL,
    `continent_id` INTEGER NULL,
    `name` VARCHAR(191) NOT NULL,
    `official_name` VARCHAR(255) NULL,
    `fifa_name` VARCHAR(64) NULL,
    `iso2` VARCHAR(8) NULL,
    `iso3` VARCHAR(8) NULL,
    `latitude` DOUBLE NULL,
    `longitude` DOUBLE NULL,
    `image_path` VARCHAR(512) NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `types` (
    `id` INTEGER NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `code` VARCHAR(191) NULL,
    `developer_name` VARCHAR(191) NULL,
    `model_type` VARCHAR(64) NULL,
    `stat_group` VARCHAR(64) NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `types_model_type_idx`(`model_type`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `stages` (
    `id` INTEGER NOT NULL,
    `league_id` INTEGER NOT NULL,
    `season_id` INTEGER NOT NULL,
    `type_id` INTEGER NULL,
    `name` VARCHAR(191) NOT NULL,
    `sort_order` INTEGER NULL,
    `finished` BOOLEAN NOT NULL,
    `is_current` BOOLEAN NOT NULL,
    `starting_at` DATE NULL,
    `ending_at` DATE NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `stages_season_id_idx`(`season_id`),
    INDEX `stages_league_id_idx`(`league_id`),
    INDEX `stages_type_id_idx`(`type_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `rounds` (
    `id` INTEGER NOT NULL,
    `league_id` INTEGER NOT NULL,
    `season_id` INTEGER NOT NULL,
    `stage_id` INTEGER NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `number` INTEGER NULL,
    `finished` BOOLEAN NOT NULL,
    `is_current` BOOLEAN NOT NULL,
    `starting_at` DATE NULL,
    `ending_at` DATE NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `rounds_stage_id_number_idx`(`stage_id`, `number`),
    INDEX `rounds_season_id_idx`(`season_id`),
    INDEX `rounds_league_id_idx`(`league_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `stage_groups` (
    `id` INTEGER NOT NULL,
    `league_id` INTEGER NOT NULL,
    `season_id` INTEGER NOT NULL,
    `stage_id` INTEGER NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `finished` BOOLEAN NOT NULL,
    `is_current` BOOLEAN NOT NULL,
    `starting_at` DATE NULL,
    `ending_at` DATE NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `stage_groups_stage_id_idx`(`stage_id`),
    INDEX `stage_groups_season_id_idx`(`season_id`),
    INDEX `stage_groups_league_id_idx`(`league_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `aggregates` (
    `id` INTEGER NOT NULL,
    `league_id` INTEGER NOT NULL,
    `season_id` INTEGER NOT NULL,
    `stage_id` INTEGER NOT NULL,
    `name` VARCHAR(255) NOT NULL,
    `result` VARCHAR(32) NULL,
    `detail` VARCHAR(191) NULL,
    `winner_team_id` INTEGER NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `aggregates_stage_id_idx`(`stage_id`),
    INDEX `aggregates_season_id_idx`(`season_id`),
    INDEX `aggregates_league_id_idx`(`league_id`),
    INDEX `aggregates_winner_team_id_idx`(`winner_team_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable: competitions whose later league stages carry the points of the earlier ones.
CREATE TABLE `points_carried_over` (
    `league_id` INTEGER NOT NULL,
    `note` VARCHAR(255) NOT NULL,

    PRIMARY KEY (`league_id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

INSERT INTO `points_carried_over` (`league_id`, `note`) VALUES
    (271, 'Danish Superliga: the Championship and Relegation Rounds start from the regular season''s full points'),
    (501, 'Scottish Premiership: after 33 rounds the league splits in two; all 38 matches count');

-- Placeholders for the ids existing rows already name (see the header).
INSERT INTO `types` (`id`, `name`, `content_hash`, `updated_at`)
SELECT DISTINCT `type_id`, CONCAT('Type ', `type_id`), REPEAT('0', 40), CURRENT_TIMESTAMP(3) FROM `fixture_scores`;

INSERT INTO `countries` (`id`, `name`, `content_hash`, `updated_at`)
SELECT DISTINCT `c`.`id`, CONCAT('Country ', `c`.`id`), REPEAT('0', 40), CURRENT_TIMESTAMP(3)
FROM (SELECT `country_id` AS `id` FROM `leagues` UNION SELECT `country_id` FROM `venues`) `c`
WHERE `c`.`id` IS NOT NULL;

INSERT INTO `stages` (`id`, `league_id`, `season_id`, `name`, `finished`, `is_current`, `content_hash`, `updated_at`)
SELECT `s`.`stage_id`, MIN(`s`.`league_id`), MIN(`s`.`season_id`), CONCAT('Stage ', `s`.`stage_id`), FALSE, FALSE, REPEAT('0', 40), CURRENT_TIMESTAMP(3)
FROM (SELECT `stage_id`, `league_id`, `season_id` FROM `fixtures` UNION SELECT `stage_id`, `league_id`, `season_id` FROM `standings`) `s`
WHERE `s`.`stage_id` IS NOT NULL
GROUP BY `s`.`stage_id`;

-- A round or group whose stage nobody names cannot be placed: the reference is cleared (the row stays).
UPDATE `fixtures` SET `round_id` = NULL, `group_id` = NULL, `aggregate_id` = NULL WHERE `stage_id` IS NULL;
UPDATE `standings` SET `round_id` = NULL, `group_id` = NULL WHERE `stage_id` IS NULL;

INSERT INTO `rounds` (`id`, `league_id`, `season_id`, `stage_id`, `name`, `number`, `finished`, `is_current`, `content_hash`, `updated_at`)
SELECT `r`.`round_id`, MIN(`r`.`league_id`), MIN(`r`.`season_id`), MIN(`r`.`stage_id`), CONCAT('Round ', `r`.`round_id`), NULL, FALSE, FALSE, REPEAT('0', 40), CURRENT_TIMESTAMP(3)
FROM (SELECT `round_id`, `league_id`, `season_id`, `stage_id` FROM `fixtures` UNION SELECT `round_id`, `league_id`, `season_id`, `stage_id` FROM `standings`) `r`
WHERE `r`.`round_id` IS NOT NULL
GROUP BY `r`.`round_id`;

INSERT INTO `stage_groups` (`id`, `league_id`, `season_id`, `stage_id`, `name`, `finished`, `is_current`, `content_hash`, `updated_at`)
SELECT `g`.`group_id`, MIN(`g`.`league_id`), MIN(`g`.`season_id`), MIN(`g`.`stage_id`), CONCAT('Group ', `g`.`group_id`), FALSE, FALSE, REPEAT('0', 40), CURRENT_TIMESTAMP(3)
FROM (SELECT `group_id`, `league_id`, `season_id`, `stage_id` FROM `fixtures` UNION SELECT `group_id`, `league_id`, `season_id`, `stage_id` FROM `standings`) `g`
WHERE `g`.`group_id` IS NOT NULL
GROUP BY `g`.`group_id`;

INSERT INTO `aggregates` (`id`, `league_id`, `season_id`, `stage_id`, `name`, `content_hash`, `updated_at`)
SELECT `aggregate_id`, MIN(`league_id`), MIN(`season_id`), MIN(`stage_id`), CONCAT('Tie ', `aggregate_id`), REPEAT('0', 40), CURRENT_TIMESTAMP(3)
FROM `fixtures`
WHERE `aggregate_id` IS NOT NULL
GROUP BY `aggregate_id`;

-- CreateIndex
CREATE INDEX `fixtures_stage_id_idx` ON `fixtures`(`stage_id`);
CREATE INDEX `fixtures_round_id_idx` ON `fixtures`(`round_id`);
CREATE INDEX `fixtures_group_id_idx` ON `fixtures`(`group_id`);
CREATE INDEX `fixtures_aggregate_id_idx` ON `fixtures`(`aggregate_id`);
CREATE INDEX `fixture_scores_type_id_idx` ON `fixture_scores`(`type_id`);
CREATE INDEX `standings_season_id_stage_id_group_id_team_id_idx` ON `standings`(`season_id`, `stage_id`, `group_id`, `team_id`);
CREATE INDEX `standings_stage_id_idx` ON `standings`(`stage_id`);
CREATE INDEX `standings_round_id_idx` ON `standings`(`round_id`);
CREATE INDEX `standings_group_id_idx` ON `standings`(`group_id`);
CREATE INDEX `leagues_country_id_idx` ON `leagues`(`country_id`);
CREATE INDEX `venues_country_id_idx` ON `venues`(`country_id`);

-- AddForeignKey
ALTER TABLE `leagues` ADD CONSTRAINT `leagues_country_id_fkey` FOREIGN KEY (`country_id`) REFERENCES `countries`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `venues` ADD CONSTRAINT `venues_country_id_fkey` FOREIGN KEY (`country_id`) REFERENCES `countries`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `stages` ADD CONSTRAINT `stages_league_id_fkey` FOREIGN KEY (`league_id`) REFERENCES `leagues`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `stages` ADD CONSTRAINT `stages_season_id_fkey` FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `stages` ADD CONSTRAINT `stages_type_id_fkey` FOREIGN KEY (`type_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `rounds` ADD CONSTRAINT `rounds_league_id_fkey` FOREIGN KEY (`league_id`) REFERENCES `leagues`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `rounds` ADD CONSTRAINT `rounds_season_id_fkey` FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `rounds` ADD CONSTRAINT `rounds_stage_id_fkey` FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `stage_groups` ADD CONSTRAINT `stage_groups_league_id_fkey` FOREIGN KEY (`league_id`) REFERENCES `leagues`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `stage_groups` ADD CONSTRAINT `stage_groups_season_id_fkey` FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `stage_groups` ADD CONSTRAINT `stage_groups_stage_id_fkey` FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `aggregates` ADD CONSTRAINT `aggregates_league_id_fkey` FOREIGN KEY (`league_id`) REFERENCES `leagues`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `aggregates` ADD CONSTRAINT `aggregates_season_id_fkey` FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `aggregates` ADD CONSTRAINT `aggregates_stage_id_fkey` FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `aggregates` ADD CONSTRAINT `aggregates_winner_team_id_fkey` FOREIGN KEY (`winner_team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `fixtures` ADD CONSTRAINT `fixtures_stage_id_fkey` FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `fixtures` ADD CONSTRAINT `fixtures_round_id_fkey` FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `fixtures` ADD CONSTRAINT `fixtures_group_id_fkey` FOREIGN KEY (`group_id`) REFERENCES `stage_groups`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `fixtures` ADD CONSTRAINT `fixtures_aggregate_id_fkey` FOREIGN KEY (`aggregate_id`) REFERENCES `aggregates`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `fixture_scores` ADD CONSTRAINT `fixture_scores_type_id_fkey` FOREIGN KEY (`type_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `standings` ADD CONSTRAINT `standings_stage_id_fkey` FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `standings` ADD CONSTRAINT `standings_round_id_fkey` FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `standings` ADD CONSTRAINT `standings_group_id_fkey` FOREIGN KEY (`group_id`) REFERENCES `stage_groups`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- Views: one row per team and finished fixture; the table per season, stage and group; the
-- table after each round of a stage; two-legged ties.

-- One row per team and finished fixture (FT, AET, FT_PEN; not tombstoned, both teams known).
CREATE VIEW `team_fixture_results` AS
SELECT
    `f`.`id` AS `fixture_id`,
    `f`.`league_id` AS `league_id`,
    `f`.`season_id` AS `season_id`,
    `f`.`stage_id` AS `stage_id`,
    `f`.`group_id` AS `group_id`,
    `f`.`round_id` AS `round_id`,
    `rd`.`number` AS `round_number`,
    `f`.`starting_at` AS `starting_at`,
    `x`.`team_id` AS `team_id`,
    `x`.`side` AS `side`,
    `x`.`scored` AS `scored`,
    `x`.`conceded` AS `conceded`
FROM `fixtures` `f`
JOIN `fixture_states` `st` ON `st`.`id` = `f`.`state_id`
LEFT JOIN `rounds` `rd` ON `rd`.`id` = `f`.`round_id`
JOIN (
    SELECT `id` AS `fixture_id`, `home_team_id` AS `team_id`, 'home' AS `side`, `home_goals` AS `scored`, `away_goals` AS `conceded` FROM `fixtures`
    UNION ALL
    SELECT `id`, `away_team_id`, 'away', `away_goals`, `home_goals` FROM `fixtures`
) `x` ON `x`.`fixture_id` = `f`.`id`
WHERE `st`.`state` IN ('FT', 'AET', 'FT_PEN') AND `f`.`deleted_at` IS NULL
  AND `f`.`home_team_id` IS NOT NULL AND `f`.`away_team_id` IS NOT NULL
  AND `f`.`home_goals` IS NOT NULL AND `f`.`away_goals` IS NOT NULL;

-- The teams of each table: every team with a fixture (played or not) in the stage and group.
-- A stage has a table when it is a group stage (type 223), or whatever its type when SportMonks
-- keeps standings for it; knock-out rounds and one-off qualifiers have ties, not tables.
CREATE VIEW `table_members` AS
SELECT DISTINCT
    `f`.`league_id` AS `league_id`,
    `f`.`season_id` AS `season_id`,
    `f`.`stage_id` AS `stage_id`,
    `f`.`group_id` AS `group_id`,
    `x`.`team_id` AS `team_id`,
    (`pc`.`league_id` IS NOT NULL AND `sg`.`type_id` = 223) AS `carries_points`
FROM `fixtures` `f`
JOIN (
    SELECT `id` AS `fixture_id`, `home_team_id` AS `team_id` FROM `fixtures`
    UNION ALL
    SELECT `id`, `away_team_id` FROM `fixtures`
) `x` ON `x`.`fixture_id` = `f`.`id`
LEFT JOIN `stages` `sg` ON `sg`.`id` = `f`.`stage_id`
LEFT JOIN `points_carried_over` `pc` ON `pc`.`league_id` = `f`.`league_id`
WHERE `f`.`deleted_at` IS NULL AND `x`.`team_id` IS NOT NULL
  AND (`sg`.`type_id` IS NULL OR `sg`.`type_id` = 223 OR EXISTS (SELECT 1 FROM `standings` `sd` WHERE `sd`.`stage_id` = `f`.`stage_id`));

-- The table of each season, stage and group, from finished fixtures: 3 points a win, 1 a draw;
-- ordered by points, goal difference, goals scored, then team id. In a league listed in
-- points_carried_over, a league stage (type 223) also counts each team's results in the
-- season's earlier league stages (lower sort_order): the Superliga's Championship Round starts
-- from the regular season's points.
CREATE OR REPLACE VIEW `league_table` AS
SELECT
    `t`.`league_id` AS `league_id`,
    `l`.`name` AS `league`,
    `t`.`season_id` AS `season_id`,
    `s`.`name` AS `season`,
    `t`.`stage_id` AS `stage_id`,
    `sg`.`name` AS `stage`,
    `t`.`group_id` AS `group_id`,
    `g`.`name` AS `group_name`,
    `t`.`carries_points` AS `carries_points`,
    ROW_NUMBER() OVER (
        PARTITION BY `t`.`season_id`, `t`.`stage_id`, `t`.`group_id`
        ORDER BY `t`.`points` DESC, `t`.`goal_difference` DESC, `t`.`goals_for` DESC, `t`.`team_id` ASC
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
        `m`.`league_id` AS `league_id`,
        `m`.`season_id` AS `season_id`,
        `m`.`stage_id` AS `stage_id`,
        `m`.`group_id` AS `group_id`,
        `m`.`team_id` AS `team_id`,
        `m`.`carries_points` AS `carries_points`,
        CAST(COUNT(`r`.`fixture_id`) AS SIGNED) AS `played`,
        CAST(COALESCE(SUM(`r`.`scored` > `r`.`conceded`), 0) AS SIGNED) AS `won`,
        CAST(COALESCE(SUM(`r`.`scored` = `r`.`conceded`), 0) AS SIGNED) AS `drawn`,
        CAST(COALESCE(SUM(`r`.`scored` < `r`.`conceded`), 0) AS SIGNED) AS `lost`,
        CAST(COALESCE(SUM(`r`.`scored`), 0) AS SIGNED) AS `goals_for`,
        CAST(COALESCE(SUM(`r`.`conceded`), 0) AS SIGNED) AS `goals_against`,
        CAST(COALESCE(SUM(`r`.`scored`), 0) - COALESCE(SUM(`r`.`conceded`), 0) AS SIGNED) AS `goal_difference`,
        CAST(COALESCE(3 * SUM(`r`.`scored` > `r`.`conceded`) + SUM(`r`.`scored` = `r`.`conceded`), 0) AS SIGNED) AS `points`
    FROM `table_members` `m`
    LEFT JOIN `team_fixture_results` `r` ON `r`.`team_id` = `m`.`team_id` AND `r`.`season_id` = `m`.`season_id` AND (
        (`r`.`stage_id` <=> `m`.`stage_id` AND `r`.`group_id` <=> `m`.`group_id`)
        OR (`m`.`carries_points` AND `r`.`stage_id` IN (
            SELECT `e`.`id` FROM `stages` `e` JOIN `stages` `ms` ON `ms`.`id` = `m`.`stage_id`
            WHERE `e`.`season_id` = `ms`.`season_id` AND `e`.`type_id` = 223 AND `e`.`sort_order` < `ms`.`sort_order`))
    )
    GROUP BY `m`.`league_id`, `m`.`season_id`, `m`.`stage_id`, `m`.`group_id`, `m`.`team_id`, `m`.`carries_points`
) `t`
JOIN `leagues` `l` ON `l`.`id` = `t`.`league_id`
JOIN `seasons` `s` ON `s`.`id` = `t`.`season_id`
JOIN `teams` `tm` ON `tm`.`id` = `t`.`team_id`
LEFT JOIN `stages` `sg` ON `sg`.`id` = `t`.`stage_id`
LEFT JOIN `stage_groups` `g` ON `g`.`id` = `t`.`group_id`;

-- The table of a stage (and group) as it stood after each of its numbered rounds: the stage's
-- finished fixtures of that round and the rounds before it (by number), plus, where points are
-- carried over, the earlier league stages as in league_table.
CREATE VIEW `league_table_after_round` AS
SELECT
    `t`.`league_id` AS `league_id`,
    `l`.`name` AS `league`,
    `t`.`season_id` AS `season_id`,
    `s`.`name` AS `season`,
    `t`.`stage_id` AS `stage_id`,
    `sg`.`name` AS `stage`,
    `t`.`group_id` AS `group_id`,
    `g`.`name` AS `group_name`,
    `t`.`round_id` AS `round_id`,
    `t`.`round_name` AS `round`,
    `t`.`round_number` AS `round_number`,
    ROW_NUMBER() OVER (
        PARTITION BY `t`.`round_id`, `t`.`group_id`
        ORDER BY `t`.`points` DESC, `t`.`goal_difference` DESC, `t`.`goals_for` DESC, `t`.`team_id` ASC
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
        `m`.`league_id` AS `league_id`,
        `m`.`season_id` AS `season_id`,
        `m`.`stage_id` AS `stage_id`,
        `m`.`group_id` AS `group_id`,
        `rd`.`id` AS `round_id`,
        `rd`.`name` AS `round_name`,
        `rd`.`number` AS `round_number`,
        `m`.`team_id` AS `team_id`,
        CAST(COUNT(`r`.`fixture_id`) AS SIGNED) AS `played`,
        CAST(COALESCE(SUM(`r`.`scored` > `r`.`conceded`), 0) AS SIGNED) AS `won`,
        CAST(COALESCE(SUM(`r`.`scored` = `r`.`conceded`), 0) AS SIGNED) AS `drawn`,
        CAST(COALESCE(SUM(`r`.`scored` < `r`.`conceded`), 0) AS SIGNED) AS `lost`,
        CAST(COALESCE(SUM(`r`.`scored`), 0) AS SIGNED) AS `goals_for`,
        CAST(COALESCE(SUM(`r`.`conceded`), 0) AS SIGNED) AS `goals_against`,
        CAST(COALESCE(SUM(`r`.`scored`), 0) - COALESCE(SUM(`r`.`conceded`), 0) AS SIGNED) AS `goal_difference`,
        CAST(COALESCE(3 * SUM(`r`.`scored` > `r`.`conceded`) + SUM(`r`.`scored` = `r`.`conceded`), 0) AS SIGNED) AS `points`
    FROM `rounds` `rd`
    JOIN `table_members` `m` ON `m`.`stage_id` = `rd`.`stage_id`
    LEFT JOIN `team_fixture_results` `r` ON `r`.`team_id` = `m`.`team_id` AND `r`.`season_id` = `m`.`season_id` AND (
        (`r`.`stage_id` = `m`.`stage_id` AND `r`.`group_id` <=> `m`.`group_id` AND `r`.`round_number` <= `rd`.`number`)
        OR (`m`.`carries_points` AND `r`.`stage_id` IN (
            SELECT `e`.`id` FROM `stages` `e` JOIN `stages` `ms` ON `ms`.`id` = `m`.`stage_id`
            WHERE `e`.`season_id` = `ms`.`season_id` AND `e`.`type_id` = 223 AND `e`.`sort_order` < `ms`.`sort_order`))
    )
    WHERE `rd`.`number` IS NOT NULL
    GROUP BY `m`.`league_id`, `m`.`season_id`, `m`.`stage_id`, `m`.`group_id`, `rd`.`id`, `rd`.`name`, `rd`.`number`, `m`.`team_id`
) `t`
JOIN `leagues` `l` ON `l`.`id` = `t`.`league_id`
JOIN `seasons` `s` ON `s`.`id` = `t`.`season_id`
JOIN `teams` `tm` ON `tm`.`id` = `t`.`team_id`
JOIN `stages` `sg` ON `sg`.`id` = `t`.`stage_id`
LEFT JOIN `stage_groups` `g` ON `g`.`id` = `t`.`group_id`;

-- Two-legged ties: the legs (by fixtures.leg 1/2 and 2/2), each side's goals over both legs and
-- the winner as the source decides it (away goals, extra time or penalties: `detail`).
-- Team A is the first leg's home team; `result` is the source's "A-B" string.
CREATE VIEW `knockout_ties` AS
SELECT
    `a`.`id` AS `aggregate_id`,
    `a`.`league_id` AS `league_id`,
    `l`.`name` AS `league`,
    `a`.`season_id` AS `season_id`,
    `s`.`name` AS `season`,
    `a`.`stage_id` AS `stage_id`,
    `sg`.`name` AS `stage`,
    `a`.`name` AS `tie`,
    `f1`.`home_team_id` AS `team_a_id`,
    `ta`.`name` AS `team_a`,
    `f1`.`away_team_id` AS `team_b_id`,
    `tb`.`name` AS `team_b`,
    `f1`.`id` AS `first_leg_fixture_id`,
    `f1`.`starting_at` AS `first_leg_starting_at`,
    CONCAT(`f1`.`home_goals`, '-', `f1`.`away_goals`) AS `first_leg_score`,
    `f2`.`id` AS `second_leg_fixture_id`,
    `f2`.`starting_at` AS `second_leg_starting_at`,
    CONCAT(`f2`.`home_goals`, '-', `f2`.`away_goals`) AS `second_leg_score`,
    `f1`.`home_goals` + (CASE WHEN `f2`.`home_team_id` = `f1`.`home_team_id` THEN `f2`.`home_goals` ELSE `f2`.`away_goals` END) AS `team_a_goals`,
    `f1`.`away_goals` + (CASE WHEN `f2`.`home_team_id` = `f1`.`home_team_id` THEN `f2`.`away_goals` ELSE `f2`.`home_goals` END) AS `team_b_goals`,
    `a`.`result` AS `result`,
    `a`.`detail` AS `detail`,
    `a`.`winner_team_id` AS `winner_team_id`,
    `w`.`name` AS `winner`
FROM `aggregates` `a`
JOIN `leagues` `l` ON `l`.`id` = `a`.`league_id`
JOIN `seasons` `s` ON `s`.`id` = `a`.`season_id`
JOIN `stages` `sg` ON `sg`.`id` = `a`.`stage_id`
LEFT JOIN `fixtures` `f1` ON `f1`.`aggregate_id` = `a`.`id` AND `f1`.`leg` = '1/2' AND `f1`.`deleted_at` IS NULL
LEFT JOIN `fixtures` `f2` ON `f2`.`aggregate_id` = `a`.`id` AND `f2`.`leg` = '2/2' AND `f2`.`deleted_at` IS NULL
LEFT JOIN `teams` `ta` ON `ta`.`id` = `f1`.`home_team_id`
LEFT JOIN `teams` `tb` ON `tb`.`id` = `f1`.`away_team_id`
LEFT JOIN `teams` `w` ON `w`.`id` = `a`.`winner_team_id`;
