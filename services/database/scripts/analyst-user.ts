// make analyst-user: creates (or updates) the read-only `analyst` MySQL user.
// ANALYST_PASSWORD is required; ANALYST_USER (analyst) and ANALYST_HOST (%) are optional.
// MIGRATION_DATABASE_URL (else DATABASE_URL; locally: root) must be an account that may create users.
import { ensureAnalystUser } from '../src/accounts.ts';
import { runAccountCommand } from './account-command.ts';

runAccountCommand({
  target: 'analyst-user',
  prefix: 'ANALYST',
  defaultUser: 'analyst',
  may: (database) => `can now SELECT from ${database} (tables and views), and nothing else`,
  ensure: ensureAnalystUser,
});
