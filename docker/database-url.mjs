// Preloaded (node --import) by the database and migrate images, and by the dashboards in ECS. ECS
// injects the credentials as DATABASE_USER / DATABASE_PASSWORD (for the migration, keys of the
// secret RDS rotates) and Terraform sets DATABASE_HOST / DATABASE_PORT / DATABASE_NAME and
// DATABASE_SSL_CA (the RDS CA bundle the images ship), while the code reads one URL: build it
// here, URL-encoding the parts, with sslca= so that every connection is TLS verified against the
// bundle. The URL goes into DATABASE_URL, or into the variable DATABASE_URL_VARIABLE names (the
// dashboards read ANALYST_DATABASE_URL). A URL already set there (compose, local runs) is left alone.
export const PARTS = ['DATABASE_HOST', 'DATABASE_USER', 'DATABASE_PASSWORD', 'DATABASE_NAME'];

export function databaseUrlFrom(env) {
  const target = env.DATABASE_URL_VARIABLE || 'DATABASE_URL';
  if (env[target]) return env[target];
  if (!PARTS.every((name) => env[name])) return undefined;
  const user = encodeURIComponent(env.DATABASE_USER);
  const password = encodeURIComponent(env.DATABASE_PASSWORD);
  const host = env.DATABASE_HOST;
  const port = env.DATABASE_PORT || '3306';
  const database = encodeURIComponent(env.DATABASE_NAME);
  const tls = env.DATABASE_SSL_CA ? `?sslca=${encodeURIComponent(env.DATABASE_SSL_CA)}` : '';
  return `mysql://${user}:${password}@${host}:${port}/${database}${tls}`;
}

const url = databaseUrlFrom(process.env);
if (url !== undefined) process.env[process.env.DATABASE_URL_VARIABLE || 'DATABASE_URL'] = url;
