// Structured redaction (pino `redact`) only sees known keys; secrets also travel inside
// strings: URLs with `api_token=…`, `Bearer …` in echoed headers, `mysql://user:pass@` in
// driver errors. Scrubbing the serialized line catches them wherever they appear.
const REDACTED = '[REDACTED]';

const STRING_PATTERNS: readonly [RegExp, string][] = [
  [/(api_token=)[^&\s"'#]+/gi, `$1${REDACTED}`],
  [/(bearer\s+)[^\s"',]+/gi, `$1${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s"'@]+:)[^@\s"'/]+@/gi, `$1${REDACTED}@`],
];

export function scrubSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of STRING_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const SECRET_KEYS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'apiToken',
  'api_token',
  'secret',
  'internalToken',
  'operatorToken',
  'x-api-key',
];

const isIdentifier = (k: string) => /^[A-Za-z_$][\w$]*$/.test(k);
const key = (k: string) => (isIdentifier(k) ? `.${k}` : `["${k}"]`);

/** pino redact paths: the secret keys at the top and up to two levels down (`req.headers.authorization`). */
export const REDACT_PATHS: string[] = [
  ...SECRET_KEYS.filter(isIdentifier),
  ...SECRET_KEYS.map((k) => `*${key(k)}`),
  ...SECRET_KEYS.map((k) => `*.*${key(k)}`),
];
