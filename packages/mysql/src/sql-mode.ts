/**
 * MySQL 8.4's default sql_mode. MariaDB's default is laxer (no ONLY_FULL_GROUP_BY), so a query
 * that passes here under this mode also passes on the production server.
 */
export const MYSQL_84_SQL_MODE =
  'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
