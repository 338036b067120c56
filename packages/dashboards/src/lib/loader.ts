// Framework's `.sql` interpreter: `node --import tsx src/lib/loader.ts <file.json.sql>`.
import { repoRoot } from '@insightxi/mysql';
import { runLoader } from './run-loader.ts';

process.exitCode = await runLoader(process.argv[2] ?? '', {
  env: process.env,
  root: repoRoot(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
