// What a scenario must undo even when the chaos run is interrupted (Ctrl-C): its database and
// MySQL user, and above all a private mariadbd, which runs detached and would outlive us.
const pending = new Set<() => Promise<void>>();

/** Registers an undo step; call the returned function once it has run normally. */
export function onInterrupt(undo: () => Promise<void>): () => void {
  pending.add(undo);
  return () => pending.delete(undo);
}

/** Runs every registered undo step, newest first, each once, ignoring failures. */
export async function undoAll(): Promise<void> {
  const steps = [...pending].reverse();
  pending.clear();
  for (const step of steps) {
    try {
      await step();
    } catch {
      // Best effort on the way out: the next step must still run.
    }
  }
}
