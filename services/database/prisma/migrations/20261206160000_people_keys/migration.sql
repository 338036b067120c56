-- Match detail points at people through real foreign keys (issue 16). A person the detail names
-- before any squad, ranking or by-id call described them gets a stub row first (`stub` = true:
-- id, sport 1, the name the detail carried, nothing else); the full record overwrites it later.
-- Existing databases keep every detail row: the ids they name that are missing get stubs here.

-- AlterTable
ALTER TABLE `players` ADD COLUMN `stub` BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE `referees` ADD COLUMN `stub` BOOLEAN NOT NULL DEFAULT false;

-- Stubs for the players the stored detail names (the name it carried, trimmed; empty when none).
-- The content hash of a stub is all zeros: no record hashes to it, so the full record always lands.
INSERT INTO `players` (`id`, `sport_id`, `name`, `stub`, `content_hash`, `created_at`, `updated_at`)
SELECT `named`.`id`, 1, COALESCE(MAX(TRIM(`named`.`name`)), ''), true, REPEAT('0', 40), CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3)
FROM (
    SELECT `player_id` AS `id`, `player_name` AS `name` FROM `fixture_events` WHERE `player_id` IS NOT NULL
    UNION ALL SELECT `related_player_id`, `related_player_name` FROM `fixture_events` WHERE `related_player_id` IS NOT NULL
    UNION ALL SELECT `player_id`, `player_name` FROM `fixture_lineups` WHERE `player_id` IS NOT NULL
    UNION ALL SELECT `player_id`, NULL FROM `fixture_lineup_details` WHERE `player_id` IS NOT NULL
) `named`
LEFT JOIN `players` `p` ON `p`.`id` = `named`.`id`
WHERE `p`.`id` IS NULL
GROUP BY `named`.`id`;

-- Stubs for the referees the stored detail names (the detail carries no name).
INSERT INTO `referees` (`id`, `sport_id`, `name`, `stub`, `content_hash`, `created_at`, `updated_at`)
SELECT DISTINCT `fr`.`referee_id`, 1, '', true, REPEAT('0', 40), CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3)
FROM `fixture_referees` `fr`
LEFT JOIN `referees` `r` ON `r`.`id` = `fr`.`referee_id`
WHERE `r`.`id` IS NULL;

-- CreateIndex
CREATE INDEX `fixture_events_related_player_id_idx` ON `fixture_events`(`related_player_id`);

-- CreateIndex
CREATE INDEX `players_stub_idx` ON `players`(`stub`);

-- CreateIndex
CREATE INDEX `referees_stub_idx` ON `referees`(`stub`);

-- AddForeignKey
ALTER TABLE `fixture_events` ADD CONSTRAINT `fixture_events_player_id_fkey` FOREIGN KEY (`player_id`) REFERENCES `players`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_events` ADD CONSTRAINT `fixture_events_related_player_id_fkey` FOREIGN KEY (`related_player_id`) REFERENCES `players`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_lineups` ADD CONSTRAINT `fixture_lineups_player_id_fkey` FOREIGN KEY (`player_id`) REFERENCES `players`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_lineup_details` ADD CONSTRAINT `fixture_lineup_details_player_id_fkey` FOREIGN KEY (`player_id`) REFERENCES `players`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `fixture_referees` ADD CONSTRAINT `fixture_referees_referee_id_fkey` FOREIGN KEY (`referee_id`) REFERENCES `referees`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
