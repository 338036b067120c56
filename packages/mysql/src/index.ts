export { connectionConfig, redactUrl, withDatabase } from './url.ts';
export { canConnect } from './probe.ts';
export { withConnection } from './connection.ts';
export { explainRefusal, TLS_HINT } from './tls-hint.ts';
export { findMariadbd, privateServer, type PrivateServer, type PrivateServerOptions, type PrivateServerTls } from './private-server.ts';
export { DEFAULT_DATABASE, LOCAL_SERVER_URL, PRIVATE_SERVER_PORT, projectPrivateServer, resolveAdminUrl, resolveDatabaseUrl, resolveServerUrl } from './locate.ts';
export { baseline, migrate, migrationStatus, MigrationError, unappliedMigrations, readMigrations, type Migration, type MigrationStatus } from './migrations.ts';
export { createDatabase, createTestDatabase, dropDatabase, type TestDatabase } from './databases.ts';
export { repoRoot } from './repo-root.ts';
