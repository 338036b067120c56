import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRdsCaBundle } from '../src/rds-ca.ts';

describe('the RDS CA bundle the images verify RDS against', () => {
  it('holds every region\'s root CAs, each a CA certificate, one PEM file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rds-ca-')), 'rds-ca-bundle.pem');
    const count = writeRdsCaBundle(file);
    const pems = readFileSync(file, 'utf8').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
    expect(pems).toHaveLength(count);
    expect(count).toBeGreaterThanOrEqual(100);
    const names = pems.map((pem) => new X509Certificate(pem)).map((certificate) => {
      expect(certificate.ca).toBe(true);
      return /CN=([^\n]+)/.exec(certificate.subject)?.[1];
    });
    // The CAs RDS MySQL 8.4 instances are issued under by default today, in the region of envs/dev.
    expect(names).toEqual(expect.arrayContaining(['Amazon RDS eu-west-1 Root CA RSA2048 G1', 'Amazon RDS eu-west-1 Root CA ECC384 G1', 'Amazon RDS us-east-1 Root CA RSA4096 G1']));
  });
});
