/**
 * Pulls the next item of `source` while the consumer works on the current one: one item in
 * flight and one in hand, so memory stays flat however long the source is.
 */
export async function* readAhead<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  let pending = source.next();
  // The consumer may stop before awaiting the prefetch; its failure must not go unhandled.
  pending.catch(() => undefined);
  try {
    for (;;) {
      const result = await pending;
      if (result.done === true) return;
      pending = source.next();
      pending.catch(() => undefined);
      yield result.value;
    }
  } finally {
    await source.return?.();
  }
}
