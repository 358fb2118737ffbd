/**
 * Lookup of registered organisations for the running server: by OID, by service unit, and by the certificate a
 * TLS client presented. Reads `<data-dir>/orgs/` on demand (see registry-dir.ts), so an organisation added by
 * another process is accepted without a restart.
 */
import type { X509Certificate } from 'node:crypto';
import { join, resolve } from 'node:path';
import { describeCertificate } from './cert-info.js';
import { isValidOid } from '../hl7/oid.js';
import { ORGS_DIR, readOrganisation, type Organisation } from './organisations.js';
import { RegistryDir } from './registry-dir.js';
import type { CertificateTrust } from './trust-types.js';

export interface OrganisationDirectoryOptions {
  /**
   * Also accept certificates not issued by kanta-sim (e.g. a vendor's DVV TEST certificate) whose subject
   * serialNumber names a registered organisation, if they chain to this trust store.
   */
  readonly trust?: CertificateTrust;
}

export class OrganisationDirectory {
  private readonly dir: RegistryDir<Organisation>;
  private readonly trust?: CertificateTrust;

  constructor(dataDir: string, options: OrganisationDirectoryOptions = {}) {
    this.dir = new RegistryDir(join(resolve(dataDir), ORGS_DIR), isValidOid, readOrganisation);
    this.trust = options.trust;
  }

  /** The organisation registered under `oid`. Throws DATA_DIR_INVALID if its directory is broken. */
  get(oid: string): Organisation | undefined {
    return this.dir.get(oid);
  }

  /** Every readable organisation, by OID. */
  list(): Organisation[] {
    return this.dir.list();
  }

  /** Why organisation directories were skipped by the last list(). */
  brokenEntries(): readonly Error[] {
    return this.dir.brokenEntries();
  }

  /** The organisation one of whose service units has `unitOid`. */
  findByUnit(unitOid: string): Organisation | undefined {
    return this.list().find((o) => o.units.some((u) => u.oid === unitOid));
  }

  /**
   * The organisation a certificate belongs to: its subject serialNumber is the organisation OID, and the
   * certificate must be one kanta-sim issued to that organisation and valid at `at` or, with a trust store,
   * chain to it at `at`.
   * Undefined when the certificate identifies no registered organisation.
   */
  findByCertificate(cert: X509Certificate, at: Date): Organisation | undefined {
    const oid = subjectSerialNumberOf(cert);
    const org = oid === undefined ? undefined : this.get(oid);
    if (org === undefined) {
      return undefined;
    }
    const fp = cert.fingerprint256;
    if (fp === org.clientCertificate.fingerprint256 || fp === org.signingCertificate.fingerprint256) {
      return isValidAt(cert, at) ? org : undefined;
    }
    return this.trust?.checkChain(cert, at).trusted === true ? org : undefined;
  }
}

/**
 * The subject serialNumber (the organisation OID) of a client certificate, undefined when it has none or
 * cannot be read. Remembered per certificate object: the Kanta interface hands the same object for every
 * request of a TLS connection (app/kanta/peer-certificate.ts), and reading the name is a full ASN.1 parse.
 */
const serialNumbers = new WeakMap<X509Certificate, string | undefined>();
function subjectSerialNumberOf(cert: X509Certificate): string | undefined {
  if (serialNumbers.has(cert)) {
    return serialNumbers.get(cert);
  }
  let oid: string | undefined;
  try {
    oid = describeCertificate(cert).subjectSerialNumber;
  } catch {
    oid = undefined;
  }
  serialNumbers.set(cert, oid);
  return oid;
}

function isValidAt(cert: X509Certificate, at: Date): boolean {
  return new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);
}
