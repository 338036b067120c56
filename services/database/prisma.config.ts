// Prisma 7 reads no .env itself and `env()` throws when a variable is unset (even for
// `generate`), so the URL comes from process.env and may be absent.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
