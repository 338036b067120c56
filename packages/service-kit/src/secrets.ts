import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError, type Env } from './config.ts';

export interface ResolveSecretsOptions {
  /** A ready client (tests point one at a local stand-in through `endpoint`). */
  secretsManagerClient?: SecretsManagerClient;
}

const ARN_SUFFIX = '_SECRET_ARN';
const JSON_KEY_SUFFIX = '_SECRET_JSON_KEY';

/** arn:aws:secretsmanager:<region>:<account>:secret:<name> */
function regionOf(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region === undefined || region === '' ? undefined : region;
}

function pick(secretString: string, jsonKey: string | undefined): string {
  if (jsonKey === undefined || jsonKey === '') return secretString;
  const parsed: unknown = JSON.parse(secretString);
  if (typeof parsed !== 'object' || parsed === null || !(jsonKey in parsed)) {
    throw new Error(`the secret has no JSON key "${jsonKey}"`);
  }
  const value: unknown = (parsed as Record<string, unknown>)[jsonKey];
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`JSON key "${jsonKey}" is not a string`);
  return String(value);
}

/**
 * Returns a copy of `env` in which each NAME whose `NAME_SECRET_ARN` is set holds the secret's
 * value from AWS Secrets Manager (optionally one key of a JSON secret: `NAME_SECRET_JSON_KEY`).
 * Called once at start-up; each ARN is fetched once. Every failure is reported together,
 * by variable name, in one ConfigError.
 */
export async function resolveSecrets(env: Env, names: readonly string[], options: ResolveSecretsOptions = {}): Promise<Env> {
  const wanted = names.filter((name) => (env[`${name}${ARN_SUFFIX}`] ?? '') !== '');
  if (wanted.length === 0) return { ...env };

  // Loaded only when a secret is named here: in ECS, secrets arrive injected in the environment
  // and the SDK (a tenth of a second to load) is never needed.
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  let client = options.secretsManagerClient;
  const ownClient = client === undefined;
  client ??= new SecretsManagerClient({
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? regionOf(env[`${wanted[0] ?? ''}${ARN_SUFFIX}`] ?? ''),
  });

  const fetched = new Map<string, Promise<string>>();
  const fetchOnce = (arn: string): Promise<string> => {
    let pending = fetched.get(arn);
    if (pending === undefined) {
      const c = client;
      pending = c.send(new GetSecretValueCommand({ SecretId: arn })).then((out) => {
        if (out.SecretString === undefined) throw new Error('the secret has no string value');
        return out.SecretString;
      });
      fetched.set(arn, pending);
    }
    return pending;
  };

  const resolved: Env = { ...env };
  const problems: string[] = [];
  try {
    await Promise.all(
      wanted.map(async (name) => {
        const arnVariable = `${name}${ARN_SUFFIX}`;
        try {
          resolved[name] = pick(await fetchOnce(env[arnVariable] ?? ''), env[`${name}${JSON_KEY_SUFFIX}`]);
        } catch (error) {
          const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          problems.push(`${name}: could not read the secret named by ${arnVariable} (${reason})`);
        }
      }),
    );
  } finally {
    if (ownClient) client.destroy();
  }
  if (problems.length > 0) throw new ConfigError(problems.sort());
  return resolved;
}
