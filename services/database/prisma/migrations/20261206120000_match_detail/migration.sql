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
