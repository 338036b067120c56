// A bounded cache whose entries are valid for one version of the world: serving the same
// page twice between two clock events costs one build.

export class VersionedCache<T> {
  private readonly entries = new Map<string, T>();
  private version: number | string = -1;

  constructor(private readonly maxEntries: number) {}

  private sync(version: number | string): void {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
  }

  get(key: string, version: number | string): T | undefined;
  get<V extends T>(key: string, version: number | string, build: () => V): V;
  get(key: string, version: number | string, build?: () => T): T | undefined {
    this.sync(version);
    const found = this.entries.get(key);
    if (found !== undefined || !build) return found;
    const value = build();
    this.set(key, version, value);
    return value;
  }

  set(key: string, version: number | string, value: T): void {
    this.sync(version);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }
}
