import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDockerfile } from '../src/dockerfile.ts';
import { readRepoFile } from '../src/repo.ts';

interface ComposeService {
  image?: string;
  build?: { context: string; target: string };
  command?: string[];
  entrypoint?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  env_file?: { path: string; required: boolean }[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  restart?: string;
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
}

const source = readRepoFile('docker-compose.yml');
// `merge: true` resolves the `<<: *service` keys as docker compose does.
const compose = parse(source, { merge: true }) as Compose;
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (found === undefined) throw new Error(`no service ${name}`);
  return found;
};
const longRunning = ['sim', 'sportmonks', 'database', 'orchestrator'];

describe('docker-compose.yml', () => {
  it('runs MySQL, the migration, the simulator and the three services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['database', 'migrate', 'mysql', 'orchestrator', 'sim', 'sportmonks', 'tls']);
  });

  it('MySQL 8.4 has a health check and keeps its data in a named volume', () => {
    const mysql = service('mysql');
    expect(mysql.image).toBe('mysql:8.4');
    expect(mysql.healthcheck?.test.join(' ')).toContain('mysqladmin ping');
    const volume = mysql.volumes?.[0]?.split(':')[0] ?? '';
    expect(volume).toBe('mysql-data');
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('MySQL runs with its default authentication and requires TLS, with a certificate the clients verify', () => {
    const mysql = service('mysql');
    const command = mysql.command ?? [];
    expect(command.some((c) => /native_password|authentication-policy/.test(c))).toBe(false);
    expect(command).toEqual(expect.arrayContaining(['--require-secure-transport=ON', '--ssl-ca=/tls/ca.pem', '--ssl-cert=/tls/server-cert.pem', '--ssl-key=/tls/server-key.pem']));
    expect(mysql.depends_on).toEqual({ tls: { condition: 'service_completed_successfully' } });
    // The certificates come from the same script the TLS tests run, for the name clients use.
    const tls = service('tls');
    expect(tls.volumes).toEqual(['./docker/mysql-tls.sh:/mysql-tls.sh:ro', 'mysql-tls:/tls']);
    expect(tls.entrypoint?.join(' ')).toMatch(/sh \/mysql-tls\.sh \/tls DNS:mysql,/);
    for (const [name, variable] of [['migrate', 'MIGRATION_DATABASE_URL'], ['database', 'DATABASE_URL']] as const) {
      expect(service(name).environment?.[variable], name).toMatch(/@mysql:3306\/[^?]+\?sslca=\/tls\/ca\.pem$/);
      expect(service(name).volumes, name).toContain('mysql-tls:/tls:ro');
    }
  });

  it('publishes the services on 8000/8001/8002 and the simulator on 8010', () => {
    const published = (name: string) => service(name).ports?.map((p) => p.split(':').at(-2));
    expect(published('sportmonks')).toEqual(['8000']);
    expect(published('database')).toEqual(['8001']);
    expect(published('orchestrator')).toEqual(['8002']);
    expect(published('sim')).toEqual(['8010']);
    for (const name of ['sportmonks', 'database', 'orchestrator']) expect(service(name).environment?.HOST).toBe('0.0.0.0');
    expect(service('sim').environment).toMatchObject({ SIM_HOST: '0.0.0.0', SIM_PORT: '8010' });
  });

  it('every long-running container has a health check and reads .env', () => {
    for (const name of longRunning) {
      expect(service(name).healthcheck?.test, name).toEqual(['CMD', 'node', '/opt/insightxi/healthcheck.mjs']);
      expect(service(name).env_file, name).toEqual([{ path: '.env', required: true }]);
    }
  });

  it('starts in dependency order: healthy MySQL, completed migration, healthy upstreams', () => {
    expect(service('migrate').depends_on).toEqual({ mysql: { condition: 'service_healthy' } });
    expect(service('migrate').restart).toBe('no');
    expect(service('database').depends_on).toEqual({
      mysql: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
    expect(service('sportmonks').depends_on).toEqual({ sim: { condition: 'service_healthy' } });
    expect(service('orchestrator').depends_on).toEqual({
      database: { condition: 'service_healthy' },
      sportmonks: { condition: 'service_healthy' },
    });
  });

  it('the fetcher sends the token the simulator accepts', () => {
    const token = service('sportmonks').environment?.SPORTMONKS_API_TOKEN;
    expect(token).toBe('${SPORTMONKS_API_TOKEN:-demo}');
    expect(service('sim').environment?.SIM_API_TOKEN).toBe(token);
  });

  it('services find each other by compose service name', () => {
    expect(service('orchestrator').environment).toMatchObject({
      DATABASE_SERVICE_URL: 'http://database:8001',
      SPORTMONKS_SERVICE_URL: 'http://sportmonks:8000',
    });
    expect(service('sportmonks').environment?.SPORTMONKS_BASE_URL).toContain('http://sim:8010');
    expect(service('database').environment?.DATABASE_URL).toMatch(/@mysql:3306\//);
    expect(service('migrate').environment?.MIGRATION_DATABASE_URL).toMatch(/@mysql:3306\//);
  });

  it('migrates as root, and the writer connects as the account the migration narrowed to rows (no DROP)', () => {
    const migrate = service('migrate');
    expect(migrate.environment?.MIGRATION_DATABASE_URL).toMatch(/^mysql:\/\/root:/);
    expect(migrate.environment?.DATABASE_URL).toBeUndefined();
    expect(migrate.command?.join(' ')).toMatch(/node dist\/insightxi-db\.mjs migrate --dir prisma\/migrations && node dist\/service-user\.mjs && node dist\/analyst-user\.mjs/);
    expect(migrate.environment?.ANALYST_PASSWORD).toBe('${ANALYST_PASSWORD:?set ANALYST_PASSWORD in .env}');
    expect(migrate.environment?.SERVICE_DB_USER).toBe('${MYSQL_USER:-insightxi}');
    expect(migrate.environment?.SERVICE_DB_PASSWORD).toBe('${MYSQL_PASSWORD}');
    expect(service('database').environment?.DATABASE_URL).toMatch(/^mysql:\/\/\$\{MYSQL_USER:-insightxi\}:\$\{MYSQL_PASSWORD\}@/);
  });

  it('every build target exists in the Dockerfile', () => {
    const stages = new Set(parseDockerfile(readRepoFile('Dockerfile')).stages.map((s) => s.name));
    for (const [name, s] of Object.entries(compose.services)) {
      if (s.build === undefined) continue;
      expect(s.build.context, name).toBe('.');
      expect(stages.has(s.build.target), `${name} → ${s.build.target}`).toBe(true);
    }
  });

  it('.env.example defines every variable compose requires', () => {
    const example = readRepoFile('.env.example');
    const defined = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    const required = [...source.matchAll(/\$\{([A-Z_]+)(:\?[^}]*)?\}/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect(defined.has(name), name).toBe(true);
    for (const name of ['INTERNAL_TOKEN', 'OPERATOR_TOKEN', 'LOG_LEVEL']) expect(defined.has(name), name).toBe(true);
  });

  it('.env.example tokens are long enough for the services to accept them', () => {
    const example = readRepoFile('.env.example');
    for (const name of ['INTERNAL_TOKEN', 'OPERATOR_TOKEN']) {
      const value = new RegExp(`^${name}=(.*)$`, 'm').exec(example)?.[1] ?? '';
      expect(value.length, name).toBeGreaterThanOrEqual(16);
    }
  });
});
