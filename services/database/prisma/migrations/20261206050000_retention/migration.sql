-- Retention (issue 18): a quarantined record that a later run lands is marked resolved, and the
-- scheduled retention job deletes sync_run_pages and quarantine rows past RETENTION_DAYS by age,
-- through these indexes.

-- AlterTable
ALTER TABLE `quarantine` ADD COLUMN `resolved_at` DATETIME(3) NULL;

-- CreateIndex
CREATE INDEX `quarantine_created_at_idx` ON `quarantine`(`created_at`);

-- CreateIndex
CREATE INDEX `sync_run_pages_applied_at_idx` ON `sync_run_pages`(`applied_at`);
