-- People (issue 16): players, referees, the squads of each season's teams and SportMonks' top-scorer
-- lists per season (each replaced whole when it changes: a player who left a squad or dropped out of
-- a list goes; a squad row's SportMonks id is a player's spell at a club, the same in every season).

-- CreateTable
CREATE TABLE `players` (
    `id` INTEGER NOT NULL,
    `sport_id` INTEGER NOT NULL,
    `country_id` INTEGER NULL,
    `nationality_id` INTEGER NULL,
    `city_id` INTEGER NULL,
    `position_id` INTEGER NULL,
    `detailed_position_id` INTEGER NULL,
    `common_name` VARCHAR(191) NULL,
    `firstname` VARCHAR(191) NULL,
    `lastname` VARCHAR(191) NULL,
    `name` VARCHAR(191) NOT NULL,
    `display_name` VARCHAR(191) NULL,
    `image_path` VARCHAR(512) NULL,
    `height` INTEGER NULL,
    `weight` INTEGER NULL,
    `date_of_birth` DATE NULL,
    `gender` VARCHAR(16) NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `players_country_id_idx`(`country_id`),
    INDEX `players_nationality_id_idx`(`nationality_id`),
    INDEX `players_position_id_idx`(`position_id`),
    INDEX `players_detailed_position_id_idx`(`detailed_position_id`),
    INDEX `players_name_idx`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `referees` (
    `id` INTEGER NOT NULL,
    `sport_id` INTEGER NOT NULL,
    `country_id` INTEGER NULL,
    `city_id` INTEGER NULL,
    `common_name` VARCHAR(191) NULL,
    `firstname` VARCHAR(191) NULL,
    `lastname` VARCHAR(191) NULL,
    `name` VARCHAR(191) NOT NULL,
    `display_name` VARCHAR(191) NULL,
    `image_path` VARCHAR(512) NULL,
    `height` INTEGER NULL,
    `weight` INTEGER NULL,
    `date_of_birth` DATE NULL,
    `gender` VARCHAR(16) NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `referees_country_id_idx`(`country_id`),
    INDEX `referees_name_idx`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `squad_lists` (
    `id` INTEGER NOT NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `squads` (
    `season_id` INTEGER NOT NULL,
    `team_id` INTEGER NOT NULL,
    `player_id` INTEGER NOT NULL,
    `jersey_number` INTEGER NULL,
    `position_id` INTEGER NULL,
    `detailed_position_id` INTEGER NULL,
    `source_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `squads_team_id_idx`(`team_id`),
    INDEX `squads_player_id_idx`(`player_id`),
    INDEX `squads_position_id_idx`(`position_id`),
    INDEX `squads_detailed_position_id_idx`(`detailed_position_id`),
    PRIMARY KEY (`season_id`, `team_id`, `player_id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `topscorer_lists` (
    `id` INTEGER NOT NULL,
    `content_hash` CHAR(40) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `topscorers` (
    `season_id` INTEGER NOT NULL,
    `type_id` INTEGER NOT NULL,
    `player_id` INTEGER NOT NULL,
    `team_id` INTEGER NOT NULL,
    `position` INTEGER NOT NULL,
    `total` INTEGER NOT NULL,
    `source_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `topscorers_season_id_type_id_position_idx`(`season_id`, `type_id`, `position`),
    INDEX `topscorers_player_id_idx`(`player_id`),
    INDEX `topscorers_team_id_idx`(`team_id`),
    INDEX `topscorers_type_id_idx`(`type_id`),
    PRIMARY KEY (`season_id`, `type_id`, `player_id`, `team_id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `players` ADD CONSTRAINT `players_country_id_fkey` FOREIGN KEY (`country_id`) REFERENCES `countries`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `players` ADD CONSTRAINT `players_nationality_id_fkey` FOREIGN KEY (`nationality_id`) REFERENCES `countries`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `players` ADD CONSTRAINT `players_position_id_fkey` FOREIGN KEY (`position_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `players` ADD CONSTRAINT `players_detailed_position_id_fkey` FOREIGN KEY (`detailed_position_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `referees` ADD CONSTRAINT `referees_country_id_fkey` FOREIGN KEY (`country_id`) REFERENCES `countries`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `squad_lists` ADD CONSTRAINT `squad_lists_id_fkey` FOREIGN KEY (`id`) REFERENCES `seasons`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `squads` ADD CONSTRAINT `squads_season_id_fkey` FOREIGN KEY (`season_id`) REFERENCES `squad_lists`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `squads` ADD CONSTRAINT `squads_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `squads` ADD CONSTRAINT `squads_player_id_fkey` FOREIGN KEY (`player_id`) REFERENCES `players`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `squads` ADD CONSTRAINT `squads_position_id_fkey` FOREIGN KEY (`position_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `squads` ADD CONSTRAINT `squads_detailed_position_id_fkey` FOREIGN KEY (`detailed_position_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `topscorer_lists` ADD CONSTRAINT `topscorer_lists_id_fkey` FOREIGN KEY (`id`) REFERENCES `seasons`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `topscorers` ADD CONSTRAINT `topscorers_season_id_fkey` FOREIGN KEY (`season_id`) REFERENCES `topscorer_lists`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `topscorers` ADD CONSTRAINT `topscorers_player_id_fkey` FOREIGN KEY (`player_id`) REFERENCES `players`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `topscorers` ADD CONSTRAINT `topscorers_team_id_fkey` FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `topscorers` ADD CONSTRAINT `topscorers_type_id_fkey` FOREIGN KEY (`type_id`) REFERENCES `types`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
