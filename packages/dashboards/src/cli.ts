// dashboards <command>: what the make targets run.
//   build    make dashboards-build: the static site in packages/dashboards/dist, with its figures
//   preview  make dashboards: Framework's live preview on port 3000
//   shots    make dashboards-shots: screenshots of every page into docs/images/dashboards
//   prepare  bundle the libraries into Framework's cache (the image build: later builds need no registry)
//   chromium install Debian's headless Chromium when it is missing (make test needs it)
// The container runs src/server.ts instead.
import { runCommand } from './lib/commands.ts';

process.exitCode = await runCommand(process.argv.slice(2), process.env);
