// Preloaded (node --import) by the database and migrate images. In AWS, ECS injects the RDS-managed
// master credentials as DATABASE_USER / DATABASE_PASSWORD (keys of the secret RDS rotates) and
// Terraform sets DATABASE_HOST / DATABASE_PORT / DATABASE_NAME, while the code reads one
// DATABASE_URL: build it here, URL-encoding the parts. A DATABASE_URL already set (compose, local
// runs) is left alone.
const PARTS = ['DATABASE_HOST', 'DATABASE_USER', 'DATABASE_PASSWORD', 'DATABASE_NAME'];

export function databaseUrlFrom(env) {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (!PARTS.every((name) => env[name])) return undefined;
  const user = encodeURIComponent(env.DATABASE_USER);
  const password = encodeURIComponent(env.DATABASE_PASSWORD);
  const host = env.DATABASE_HOST;
  const port = env.DATABASE_PORT || '3306';
  const database = encodeURIComponent(env.DATABASE_NAME);
  return `mysql://${user}:${password}@${host}:${port}/${database}`;
}

const url = databaseUrlFrom(process.env);
if (url !== undefined) process.env.DATABASE_URL = url;
