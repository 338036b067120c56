/**
 * Pulls up to `depth` items of `source` ahead of the consumer while it works on the current
 * one, so memory stays bounded however long the source is. A generator runs its `next()`
 * calls one after another, so the items still come in order and are produced one at a time.
 */
export async function* readAhead<T>(source: AsyncIterator<T>, depth = 1): AsyncGenerator<T> {
  const pending: Promise<IteratorResult<T>>[] = [];
  const pull = () => {
    const next = source.next();
    // The consumer may stop before awaiting a prefetch; its failure must not go unhandled.
    next.catch(() => undefined);
    pending.push(next);
  };
  try {
    for (let i = 0; i < Math.max(1, depth); i++) pull();
    for (;;) {
      const head = pending.shift();
      if (head === undefined) return;
      const result = await head;
      if (result.done === true) return;
      pull();
      yield result.value;
    }
  } finally {
    await source.return?.();
  }
}
