// Several watchers of the same runs (the metrics and the failure webhook) behind the one
// observer the run manager takes.
import type { RunObserver } from './ports.ts';

export function allObservers(...observers: RunObserver[]): RunObserver {
  return {
    runEnded(entity, status, run) {
      for (const observer of observers) observer.runEnded(entity, status, run);
    },
    pagesLanded(entity, delta) {
      for (const observer of observers) observer.pagesLanded(entity, delta);
    },
  };
}
