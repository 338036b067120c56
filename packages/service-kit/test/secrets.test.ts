import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { COMMON_SECRETS, ConfigError, resolveSecrets } from '@insightxi/service-kit';

const ARN = (name: string) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}`;
const STORE: Record<string, string> = {
  [ARN('sportmonks-token')]: 'sm-token-from-aws',
  [ARN('internal-token')]: 'internal-from-aws',
  [ARN('rds-master')]: JSON.stringify({ username: 'admin', password: 'rds-generated-pw', port: 3306, tags: ['a'] }),
  [ARN('internal-token-old')]: 'internal-previous-from-aws',
};
/** Secrets stored as binary: no SecretString. */
const BINARY = new Set([ARN('certificate')]);

/** Speaks the part of the Secrets Manager JSON protocol the SDK uses for GetSecretValue. */
let server: Server;
let endpoint: string;
let calls: { target: string | undefined; secretId: string; authorized: boolean }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const { SecretId } = JSON.parse(raw) as { SecretId: string };
      const target = req.headers['x-amz-target'];
      calls.push({ target: Array.isArray(target) ? target[0] : target, secretId: SecretId, authorized: /AWS4-HMAC-SHA256/.test(req.headers.authorization ?? '') });
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      const value = STORE[SecretId];
      if (BINARY.has(SecretId)) {
        res.end(JSON.stringify({ ARN: SecretId, Name: 'certificate', SecretBinary: 'AAEC', VersionId: 'v1' }));
        return;
      }
      if (value === undefined) {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }));
        return;
      }
      res.end(JSON.stringify({ ARN: SecretId, Name: SecretId.split(':').pop(), SecretString: value, VersionId: 'v1', VersionStages: ['AWSCURRENT'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  calls = [];
});

const client = () =>
  new SecretsManagerClient({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' } });

describe('resolveSecrets', () => {
  it('reads NAME from Secrets Manager when NAME_SECRET_ARN is set, else keeps NAME', async () => {
    const env = await resolveSecrets(
      {
        SPORTMONKS_API_TOKEN_SECRET_ARN: ARN('sportmonks-token'),
        INTERNAL_TOKEN: 'local-internal',
        OPERATOR_TOKEN_SECRET_ARN: ARN('internal-token'),
        INTERNAL_TOKEN_ALIAS_SECRET_ARN: ARN('internal-token'),
        DATABASE_PASSWORD_SECRET_ARN: ARN('rds-master'),
        DATABASE_PASSWORD_SECRET_JSON_KEY: 'password',
        PORT: '8000',
      },
      ['SPORTMONKS_API_TOKEN', 'INTERNAL_TOKEN', 'OPERATOR_TOKEN', 'INTERNAL_TOKEN_ALIAS', 'DATABASE_PASSWORD'],
      { secretsManagerClient: client() },
    );
    expect(env.SPORTMONKS_API_TOKEN).toBe('sm-token-from-aws');
    expect(env.INTERNAL_TOKEN).toBe('local-internal');
    expect(env.OPERATOR_TOKEN).toBe('internal-from-aws');
    expect(env.INTERNAL_TOKEN_ALIAS).toBe('internal-from-aws');
    expect(env.DATABASE_PASSWORD).toBe('rds-generated-pw');
    expect(env.PORT).toBe('8000');
    // One signed GetSecretValue per distinct ARN, however many variables share it.
    expect(calls.map((c) => c.secretId).sort()).toEqual([ARN('internal-token'), ARN('rds-master'), ARN('sportmonks-token')]);
    expect(calls.every((c) => c.target === 'secretsmanager.GetSecretValue' && c.authorized)).toBe(true);
  });

  it('makes no calls when no ARN is set', async () => {
    const env = await resolveSecrets({ INTERNAL_TOKEN: 'x' }, ['INTERNAL_TOKEN', 'SPORTMONKS_API_TOKEN'], { secretsManagerClient: client() });
    expect(env).toEqual({ INTERNAL_TOKEN: 'x' });
    expect(calls).toEqual([]);
  });

  it('names every variable whose secret cannot be read, in one ConfigError', async () => {
    const attempt = resolveSecrets(
      {
        SPORTMONKS_API_TOKEN_SECRET_ARN: ARN('deleted'),
        INTERNAL_TOKEN_SECRET_ARN: ARN('rds-master'),
        INTERNAL_TOKEN_SECRET_JSON_KEY: 'token',
      },
      ['SPORTMONKS_API_TOKEN', 'INTERNAL_TOKEN'],
      { secretsManagerClient: client() },
    );
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    const error = (await attempt.catch((e: unknown) => e)) as ConfigError;
    expect(error.problems).toHaveLength(2);
    expect(error.problems[0]).toMatch(/^INTERNAL_TOKEN: could not read the secret named by INTERNAL_TOKEN_SECRET_ARN \(.*no JSON key "token"/);
    expect(error.problems[1]).toMatch(/^SPORTMONKS_API_TOKEN: could not read the secret named by SPORTMONKS_API_TOKEN_SECRET_ARN \(ResourceNotFoundException/);
    expect(error.message).not.toContain('rds-generated-pw');
  });

  it('reads the previous internal token of a rotation like the current one', async () => {
    const env = await resolveSecrets(
      { INTERNAL_TOKEN_SECRET_ARN: ARN('internal-token'), INTERNAL_TOKEN_PREVIOUS_SECRET_ARN: ARN('internal-token-old') },
      COMMON_SECRETS,
      { secretsManagerClient: client() },
    );
    expect(env).toMatchObject({ INTERNAL_TOKEN: 'internal-from-aws', INTERNAL_TOKEN_PREVIOUS: 'internal-previous-from-aws' });
  });

  it('takes a number from a JSON secret as text, and refuses an object, a binary secret', async () => {
    const port = await resolveSecrets({ DATABASE_PORT_SECRET_ARN: ARN('rds-master'), DATABASE_PORT_SECRET_JSON_KEY: 'port' }, ['DATABASE_PORT'], { secretsManagerClient: client() });
    expect(port.DATABASE_PORT).toBe('3306');
    const attempt = resolveSecrets(
      { TAGS_SECRET_ARN: ARN('rds-master'), TAGS_SECRET_JSON_KEY: 'tags', CERT_SECRET_ARN: ARN('certificate') },
      ['TAGS', 'CERT'],
      { secretsManagerClient: client() },
    );
    const error = (await attempt.catch((e: unknown) => e)) as ConfigError;
    expect(error.problems).toEqual([
      expect.stringMatching(/^CERT: .*the secret has no string value/),
      expect.stringMatching(/^TAGS: .*JSON key "tags" is not a string/),
    ]);
  });

  it('makes its own client in the ARN’s region with the usual credentials chain, and lets it go', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test-secret' });
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      const env = await resolveSecrets({ SPORTMONKS_API_TOKEN_SECRET_ARN: ARN('sportmonks-token') }, ['SPORTMONKS_API_TOKEN']);
      expect(env.SPORTMONKS_API_TOKEN).toBe('sm-token-from-aws');
      expect(calls).toEqual([{ target: 'secretsmanager.GetSecretValue', secretId: ARN('sportmonks-token'), authorized: true }]);
    } finally {
      process.env = saved;
    }
  });
});
