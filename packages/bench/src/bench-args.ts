// A benchmark's own options. `pnpm run <script> -- --leagues 8` hands the script the `--` too,
// which parseArgs takes for the end of the options: it is dropped first.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function benchArgs<O extends Options>(options: O) {
  const args = process.argv.slice(2);
  return parseArgs({ args: args[0] === '--' ? args.slice(1) : args, options });
}
