/**
 * Archivists: defined per organisation (CLI `kanta-sim archivist add`, or the demo archivist created at
 * start), each acting for one or more register keepers. Signing in checks a scrypt hash; the demo archivist
 * signs in with one click and has no usable password.
 */
import { randomUUID } from 'node:crypto';
import { KantaSimError } from '../errors.js';
import { DEMO_ORGANISER, DEMO_PROVIDER } from '../pki/demo.js';
import { isValidOid } from '../hl7/oid.js';
import type { ArchivistRecord, ArchivistStore } from '../store/archivist-store.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';

/** An archivist as the rest of the interface sees it (no password hash). */
export interface Archivist {
  readonly id: string;
  readonly organisationOid: string;
  readonly username: string;
  readonly name: string;
  readonly registerOids: readonly string[];
  readonly demo: boolean;
}

export interface AddArchivistInput {
  readonly organisationOid: string;
  readonly name: string;
  /** Default: derived from the name (`anna.arkisto`). */
  readonly username?: string;
  /** Default: a generated one, returned once. */
  readonly password?: string;
  /** Default: the organisation's own register only. */
  readonly registerOids?: readonly string[];
  readonly demo?: boolean;
}

/** Which organisations exist (the register keepers an archivist may act for). */
export interface OrganisationNames {
  /** The organisation and, when known, its service units (a provider badge must not mark the keeper's own unit). */
  get(
    oid: string,
  ): { readonly name: string; readonly units?: readonly { readonly oid: string }[] } | undefined;
}

/** The demo archivists created at start: one for the demo organiser (the one-click sign-in), one for the provider. */
export const DEMO_ARCHIVISTS: readonly AddArchivistInput[] = Object.freeze([
  { organisationOid: DEMO_ORGANISER.oid, name: 'Aila Arkistonhoitaja', username: 'demo', demo: true },
  { organisationOid: DEMO_PROVIDER.oid, name: 'Pekka Palveluarkisto', username: 'demo-tuottaja', demo: true },
]);

export const DEMO_USERNAME = 'demo';

/** Adds an archivist; refuses an unknown organisation or register, a taken username, a bad OID. */
export async function addArchivist(
  store: ArchivistStore,
  organisations: OrganisationNames,
  input: AddArchivistInput,
  now: Date,
): Promise<{ archivist: Archivist; password: string }> {
  const registers = input.registerOids?.length ? [...new Set(input.registerOids)] : [input.organisationOid];
  for (const oid of [input.organisationOid, ...registers]) {
    if (!isValidOid(oid)) {
      throw new KantaSimError('BAD_REQUEST', `"${oid}" is not an OID`);
    }
    if (!organisations.get(oid)) {
      throw new KantaSimError('ORG_UNKNOWN', `organisation ${oid} is not registered (kanta-sim org add)`);
    }
  }
  const name = input.name.trim();
  if (name === '') {
    throw new KantaSimError('BAD_REQUEST', 'the archivist needs a name');
  }
  const username = (input.username ?? usernameFrom(name)).trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) {
    throw new KantaSimError('BAD_REQUEST', `username "${username}" must be 2-64 of a-z 0-9 . _ -`);
  }
  const password = input.password ?? generatePassword();
  if (password.length < 8) {
    throw new KantaSimError('BAD_REQUEST', 'the password must have at least 8 characters');
  }
  const record: ArchivistRecord = {
    id: randomUUID(),
    organisationOid: input.organisationOid,
    username,
    name,
    passwordHash: await hashPassword(password),
    registerOids: registers,
    demo: input.demo ?? false,
    createdAt: now.toISOString(),
  };
  if (!(await store.insertArchivist(record))) {
    throw new KantaSimError('CONFLICT', `an archivist with username "${username}" already exists`);
  }
  return { archivist: toArchivist(record), password };
}

/** Creates the demo archivists that are missing (their organisations exist: ensureDemoOrganisation ran). */
export async function ensureDemoArchivists(
  store: ArchivistStore,
  organisations: OrganisationNames,
  now: Date,
): Promise<void> {
  for (const input of DEMO_ARCHIVISTS) {
    if (!(await store.findArchivistByUsername(input.username ?? ''))) {
      await addArchivist(store, organisations, input, now).catch((e: unknown) => {
        // Lost a creation race with another process on the same data directory: the winner's row serves.
        if (!(e instanceof KantaSimError && e.code === 'CONFLICT')) {
          throw e;
        }
      });
    }
  }
}

/** A hash nobody's password matches, compared against for unknown usernames so timing does not tell. */
const DUMMY_HASH = hashPassword(generatePassword());

/** The archivist whose username and password match, or undefined. Demo archivists never sign in by password. */
export async function authenticate(
  store: ArchivistStore,
  username: string,
  password: string,
): Promise<Archivist | undefined> {
  const record = await store.findArchivistByUsername(username.trim().toLowerCase());
  const ok = await verifyPassword(password, record?.passwordHash ?? (await DUMMY_HASH));
  return record && ok && !record.demo ? toArchivist(record) : undefined;
}

export function toArchivist(r: ArchivistRecord): Archivist {
  return {
    id: r.id,
    organisationOid: r.organisationOid,
    username: r.username,
    name: r.name,
    registerOids: r.registerOids,
    demo: r.demo,
  };
}

function usernameFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
