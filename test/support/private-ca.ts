/**
 * A private certificate authority for TLS tests: a CA certificate and a server certificate for 127.0.0.1 that it
 * signed, made with openssl in a temporary folder. Trusting the CA (not the server certificate) is what a
 * company's private PKI asks of a client.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when openssl can be run (the tests that need it are skipped otherwise). */
export const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

export interface PrivateCa {
  /** The CA certificate's path (give it as --ca-bundle). */
  caPath: string;
  /** The server's key and certificate (PEM), for node:https. */
  key: Buffer;
  cert: Buffer;
  remove(): void;
}

function openssl(args: string[]): void {
  const made = spawnSync('openssl', args);
  if (made.status !== 0) throw new Error(`openssl ${args[0]} failed: ${made.stderr.toString()}`);
}

/** Makes the CA and a server certificate for IP 127.0.0.1. */
export function makePrivateCa(): PrivateCa {
  const dir = mkdtempSync(join(tmpdir(), 'hlw-ca-'));
  const at = (name: string) => join(dir, name);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=healthlake-wizard test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-keyout', at('ca.key'), '-out', at('ca.pem')]);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', at('server.key'), '-out', at('server.csr')]);
  writeFileSync(at('server.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl(['x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-days', '1', '-extfile', at('server.ext'), '-out', at('server.pem')]);
  return { caPath: at('ca.pem'), key: readFileSync(at('server.key')), cert: readFileSync(at('server.pem')), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
