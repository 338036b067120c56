-- CreateTable
CREATE TABLE `season_syncs` (
    `season_id` INTEGER NOT NULL,
    `entity` VARCHAR(32) NOT NULL,
    `run_id` INTEGER NOT NULL,
    `completed_at` DATETIME(3) NOT NULL,

    INDEX `season_syncs_run_id_idx`(`run_id`),
    PRIMARY KEY (`season_id`, `entity`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `season_syncs` ADD CONSTRAINT `season_syncs_season_id_fkey` FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `season_syncs` ADD CONSTRAINT `season_syncs_run_id_fkey` FOREIGN KEY (`run_id`) REFERENCES `sync_runs`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
