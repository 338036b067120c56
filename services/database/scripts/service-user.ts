// make service-user: creates (or updates) the account the writer service connects with: rows
// only (SELECT, INSERT, UPDATE, DELETE), no DROP, ALTER or CREATE. Set the writer's DATABASE_URL
// to it; migrations keep running as MIGRATION_DATABASE_URL's account.
// SERVICE_DB_PASSWORD is required; SERVICE_DB_USER (insightxi_writer) and SERVICE_DB_HOST (%) are
// optional. MIGRATION_DATABASE_URL (else DATABASE_URL; locally: root) must be an account that may create users.
import { ensureServiceUser, SERVICE_PRIVILEGES } from '../src/accounts.ts';
import { runAccountCommand } from './account-command.ts';

runAccountCommand({
  target: 'service-user',
  prefix: 'SERVICE_DB',
  defaultUser: 'insightxi_writer',
  may: (database) => `can now ${SERVICE_PRIVILEGES.join(', ')} rows of ${database}, and cannot change its schema`,
  ensure: ensureServiceUser,
});
