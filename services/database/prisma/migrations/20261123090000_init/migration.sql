-- CreateTable
CREATE TABLE `fixture_states` (
    `id` INTEGER NOT NULL,
    `state` VARCHAR(64) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `short_name` VARCHAR(64) NOT NULL,
    `developer_name` VARCHAR(64) NOT NULL,
    `is_live` BOOLEAN NOT NULL,
    `is_final_state` BOOLEAN NOT NULL,
    `is_final_standing_state` BOOLEAN NOT NULL,
    `is_cancelled` BOOLEAN NOT NULL,
    `is_completed` BOOLEAN NOT NULL,
    `is_deleted` BOOLEAN NOT NULL,
    `is_not_started` BOOLEAN NOT NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `leagues` (
    `id` INTEGER NOT NULL,
    `sport_id` INTEGER NOT NULL,
    `country_id` INTEGER NULL,
    `name` VARCHAR(191) NOT NULL,
    `active` BOOLEAN NOT NULL,
    `short_code` VARCHAR(64) NULL,
    `image_path` VARCHAR(512) NULL,
    `type` VARCHAR(64) NULL,
    `sub_type` VARCHAR(64) NULL,
    `category` INTEGER NULL,
    `has_jerseys` BOOLEAN NOT NULL,
    `last_played_at` DATETIME(3) NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `seasons` (
    `id` INTEGER NOT NULL,
    `sport_id` INTEGER NOT NULL,
    `league_id` INTEGER NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `finished` BOOLEAN NOT NULL,
    `pending` BOOLEAN NOT NULL,
    `is_current` BOOLEAN NOT NULL,
    `starting_at` DATE NULL,
    `ending_at` DATE NULL,
    `standings_recalculated_at` DATETIME(3) NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `seasons_league_id_idx`(`league_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `venues` (
    `id` INTEGER NOT NULL,
    `country_id` INTEGER NULL,
    `city_id` INTEGER NULL,
    `name` VARCHAR(191) NOT NULL,
    `address` VARCHAR(512) NULL,
    `zipcode` VARCHAR(64) NULL,
    `latitude` DOUBLE NULL,
    `longitude` DOUBLE NULL,
    `capacity` INTEGER NULL,
    `image_path` VARCHAR(512) NULL,
    `city_name` VARCHAR(191) NULL,
    `surface` VARCHAR(64) NULL,
    `national_team` BOOLEAN NOT NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `teams` (
    `id` INTEGER NOT NULL,
    `sport_id` INTEGER NOT NULL,
    `country_id` INTEGER NULL,
    `venue_id` INTEGER NULL,
    `gender` VARCHAR(16) NULL,
    `name` VARCHAR(191) NOT NULL,
    `short_code` VARCHAR(64) NULL,
    `image_path` VARCHAR(512) NULL,
    `founded` INTEGER NULL,
    `type` VARCHAR(64) NULL,
    `placeholder` BOOLEAN NOT NULL,
    `last_played_at` DATETIME(3) NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `teams_venue_id_idx`(`venue_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `fixtures` (
    `id` INTEGER NOT NULL,
    `sport_id` INTEGER NOT NULL,
    `league_id` INTEGER NOT NULL,
    `season_id` INTEGER NOT NULL,
    `stage_id` INTEGER NULL,
    `round_id` INTEGER NULL,
    `group_id` INTEGER NULL,
    `aggregate_id` INTEGER NULL,
    `state_id` INTEGER NOT NULL,
    `venue_id` INTEGER NULL,
    `name` VARCHAR(255) NOT NULL,
    `starting_at` DATETIME(3) NOT NULL,
    `result_info` VARCHAR(512) NULL,
    `leg` VARCHAR(32) NULL,
    `length` INTEGER NULL,
    `placeholder` BOOLEAN NOT NULL,
    `home_team_id` INTEGER NULL,
    `away_team_id` INTEGER NULL,
    `home_goals` INTEGER NULL,
    `away_goals` INTEGER NULL,
    `home_goals_half_time` INTEGER NULL,
    `away_goals_half_time` INTEGER NULL,
    `deleted_at` DATETIME(3) NULL,
    `last_synced_at` DATETIME(3) NOT NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `fixtures_season_id_idx`(`season_id`),
    INDEX `fixtures_league_id_starting_at_idx`(`league_id`, `starting_at`),
    INDEX `fixtures_starting_at_idx`(`starting_at`),
    INDEX `fixtures_state_id_idx`(`state_id`),
    INDEX `fixtures_venue_id_idx`(`venue_id`),
    INDEX `fixtures_home_team_id_idx`(`home_team_id`),
    INDEX `fixtures_away_team_id_idx`(`away_team_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `fixture_scores` (
    `id` INTEGER NOT NULL,
    `fixture_id` INTEGER NOT NULL,
    `team_id` INTEGER NOT NULL,
    `type_id` INTEGER NOT NULL,
    `period` VARCHAR(64) NOT NULL,
    `participant` VARCHAR(8) NOT NULL,
    `goals` INTEGER NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `fixture_scores_fixture_id_idx`(`fixture_id`),
    INDEX `fixture_scores_team_id_idx`(`team_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `standings` (
    `id` INTEGER NOT NULL,
    `season_id` INTEGER NOT NULL,
    `league_id` INTEGER NOT NULL,
    `stage_id` INTEGER NULL,
    `round_id` INTEGER NULL,
    `group_id` INTEGER NULL,
    `team_id` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `points` INTEGER NOT NULL,
    `result` VARCHAR(32) NULL,
    `played` INTEGER NULL,
    `won` INTEGER NULL,
    `drawn` INTEGER NULL,
    `lost` INTEGER NULL,
    `goals_for` INTEGER NULL,
    `goals_against` INTEGER NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `standings_season_id_position_idx`(`season_id`, `position`),
    INDEX `standings_league_id_idx`(`league_id`),
    INDEX `standings_team_id_idx`(`team_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `sync_runs` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `entity` VARCHAR(32) NOT NULL,
    `mode` VARCHAR(16) NOT NULL,
    `scope` JSON NOT NULL,
    `scope_key` VARCHAR(191) NOT NULL,
    `active_scope_key` VARCHAR(191) NULL,
    `status` VARCHAR(16) NOT NULL,
    `resume_cursor` TEXT NULL,
    `plan` JSON NULL,
    `pages` INTEGER NOT NULL DEFAULT 0,
    `fetched` INTEGER NOT NULL DEFAULT 0,
    `created` INTEGER NOT NULL DEFAULT 0,
    `updated` INTEGER NOT NULL DEFAULT 0,
    `unchanged` INTEGER NOT NULL DEFAULT 0,
    `quarantined` INTEGER NOT NULL DEFAULT 0,
    `upstream_calls` INTEGER NOT NULL DEFAULT 0,
    `rate_limit_wait_ms` INTEGER NOT NULL DEFAULT 0,
    `error` TEXT NULL,
    `error_request_id` VARCHAR(191) NULL,
    `started_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `heartbeat_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `finished_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `sync_runs_active_scope_key_key`(`active_scope_key`),
    INDEX `sync_runs_entity_status_idx`(`entity`, `status`),
    INDEX `sync_runs_status_idx`(`status`),
    INDEX `sync_runs_scope_key_idx`(`scope_key`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `sync_run_pages` (
    `run_id` INTEGER NOT NULL,
    `page_key` VARCHAR(191) NOT NULL,
    `entity` VARCHAR(32) NOT NULL,
    `created` INTEGER NOT NULL,
    `updated` INTEGER NOT NULL,
    `unchanged` INTEGER NOT NULL,
    `failed` INTEGER NOT NULL,
    `applied_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    PRIMARY KEY (`run_id`, `page_key`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `quarantine` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `run_id` INTEGER NULL,
    `entity` VARCHAR(32) NOT NULL,
    `source_id` INTEGER NULL,
    `reason` TEXT NOT NULL,
    `payload` JSON NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `quarantine_run_id_idx`(`run_id`),
    INDEX `quarantine_entity_source_id_idx`(`entity`, `source_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `seasons` ADD CONSTRAINT `seasons_league_id_fkey` FOREIGN KEY (`league_id`) REFERENCES `leagues`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `teams` ADD CONSTRAINT `teams_venue_id_fkey` FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixtures` ADD CONSTRAINT `fixtures_league_id_fkey` FOREIGN KEY (`league_id`) REFERENCES `leagues`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixtures` ADD CONSTRAINT `fixtures_season_id_fkey` FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixtures` ADD CONSTRAINT `fixtures_state_id_fkey` FOREIGN KEY (`state_id`) REFERENCES `fixture_states`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixtures` ADD CONSTRAINT `fixtures_venue_id_fkey` FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixtures` ADD CONSTRAINT `fixtures_home_team_id_fkey` FOREIGN KEY (`home_team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixtures` ADD CONSTRAINT `fixtures_away_team_id_fkey` FOREIGN KEY (`away_team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_scores` ADD CONSTRAINT `fixture_scores_fixture_id_fkey` FOREIGN KEY (`fixture_id`) REFERENCES `fixtures`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_scores` ADD CONSTRAINT `fixture_scores_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `standings` ADD CONSTRAINT `standings_season_id_fkey` FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `standings` ADD CONSTRAINT `standings_league_id_fkey` FOREIGN KEY (`league_id`) REFERENCES `leagues`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `standings` ADD CONSTRAINT `standings_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `sync_run_pages` ADD CONSTRAINT `sync_run_pages_run_id_fkey` FOREIGN KEY (`run_id`) REFERENCES `sync_runs`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `quarantine` ADD CONSTRAINT `quarantine_run_id_fkey` FOREIGN KEY (`run_id`) REFERENCES `sync_runs`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
