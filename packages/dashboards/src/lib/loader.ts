// Framework's `.sql` interpreter: `node --import tsx src/lib/loader.ts <file.json.sql> [--season=<id>]`.
import { runLoader } from './run-loader.ts';
import { messageRoot } from './site.ts';

process.exitCode = await runLoader(
  process.argv[2] ?? '',
  {
    env: process.env,
    root: messageRoot(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
  process.argv.slice(3),
);
