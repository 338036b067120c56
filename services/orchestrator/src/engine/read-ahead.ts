export interface ReadAheadLimits<T> {
  /** Items requested ahead of the consumer, at most. */
  items: number;
  /** Items fetched and not yet taken stop the read-ahead once their weight reaches this. */
  maxWeight?: number;
  weight?: (item: T) => number;
}

/**
 * Pulls items of `source` ahead of the consumer while it works on the current one, bounded by
 * a count and a weight (records), so memory stays bounded however long the source is and
 * whatever the size of its items. It keeps pulling while the consumer is busy. A generator
 * runs its `next()` calls one after another, so the items still come in order.
 */
export async function* readAhead<T>(source: AsyncIterator<T>, limits: ReadAheadLimits<T>): AsyncGenerator<T> {
  const weight = limits.weight ?? (() => 1);
  const maxWeight = limits.maxWeight ?? Number.POSITIVE_INFINITY;
  const pending: Promise<IteratorResult<T>>[] = [];
  let weightAhead = 0;
  let ended = false;
  // One pull at a time (the generator would queue them anyway): an item's weight is known
  // before the next is asked for, so the weight bound holds.
  let pulling = false;
  const fill = (): void => {
    if (ended || pulling || pending.length >= Math.max(1, limits.items) || weightAhead >= maxWeight) return;
    pulling = true;
    const next = source.next();
    next.then(
      (result) => {
        pulling = false;
        if (result.done === true) ended = true;
        else weightAhead += weight(result.value);
        fill();
      },
      () => {
        pulling = false;
        ended = true;
      },
    );
    pending.push(next);
  };
  try {
    for (;;) {
      fill();
      const head = pending.shift();
      if (head === undefined) return;
      const result = await head;
      if (result.done === true) return;
      weightAhead -= weight(result.value);
      yield result.value;
    }
  } finally {
    await source.return?.();
  }
}
