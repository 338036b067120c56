// The secret grep of the chaos run: every log line of every service, and every error body the
// suite receives, is checked for the SportMonks token, the service tokens and the database
// passwords in use. A hit names the secret and where it was seen, never the value.

export interface SecretHit {
  secret: string;
  source: string;
  /** The offending text with the secret masked, cut to a readable length. */
  excerpt: string;
}

const EXCERPT_CHARS = 160;
/** Shorter values would match by chance (`demo`, `root`); the suite only uses long random ones. */
const MIN_SECRET_LENGTH = 8;

export class SecretScanner {
  private readonly secrets = new Map<string, string>();
  readonly hits: SecretHit[] = [];
  private scannedCount = 0;

  /** Adds a value to look for, under a name for the report. */
  watch(name: string, value: string): void {
    if (value.length < MIN_SECRET_LENGTH) throw new Error(`secret ${name} is too short to grep for reliably`);
    this.secrets.set(value, name);
  }

  get scanned(): number {
    return this.scannedCount;
  }

  scan(text: string, source: string): void {
    this.scannedCount++;
    for (const [value, name] of this.secrets) {
      if (!text.includes(value)) continue;
      this.hits.push({ secret: name, source, excerpt: text.split(value).join(`<${name}>`).slice(0, EXCERPT_CHARS) });
    }
  }
}
