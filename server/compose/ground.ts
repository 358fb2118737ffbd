/**
 * The first step of the composition root: what every later step stands on and nothing writes to while the
 * simulator runs. The data directory proven writable, the test PKI and its trust store, the demo and
 * registered organisations, the code lists and the operation table.
 */
import path from 'node:path';
import { DEFAULT_CODE_LIST_DIR, loadCodeLists, type CodeLists } from '../codes/code-lists.js';
import { loadOperationTable, type OperationTable } from '../codes/operations.js';
import type { KantaSimConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { ensureDemoOrganisation, type DemoData } from '../pki/demo.js';
import { OrganisationDirectory } from '../pki/organisation-directory.js';
import { ensureTestPki, PKI_FILES, type TestPki } from '../pki/test-pki.js';
import { createTrustStore, type TrustStore } from '../pki/trust-store.js';
import { prepareDataDir } from '../store/data-dir.js';

export interface Ground {
  readonly pki: TestPki;
  readonly caBundlePath: string;
  readonly demo: DemoData;
  readonly trust: TrustStore;
  readonly organisations: OrganisationDirectory;
  readonly codes: CodeLists;
  readonly operations: OperationTable;
}

/** Prepares the data directory and loads what is fixed for the life of the simulator. */
export async function prepareGround(config: KantaSimConfig, logger: Logger): Promise<Ground> {
  // Every directory it writes, proven writable, before anything else (store/data-dir.ts).
  await prepareDataDir(config.dataDir);
  const pki = await ensureTestPki(config.dataDir, { validFrom: config.pkiValidFrom });
  if (pki.validFrom.getTime() > config.pkiValidFrom.getTime() + 2 * 86_400_000) {
    // Kept, not reissued: the organisations' and professionals' credentials were issued from this PKI.
    logger.warn(
      `the test PKI in ${pki.dir} is valid from ${pki.validFrom.toISOString()} (made before pkiValidFrom ` +
        `${config.pkiValidFrom.toISOString().slice(0, 10)}): nothing can be signed earlier. To date history ` +
        `further back, start with a new data directory, or move pki/, orgs/ and pros/ out of this one.`,
    );
  }
  const demo = await ensureDemoOrganisation(config.dataDir);
  const trust = createTrustStore(pki, config.trustAnchors);
  return {
    pki,
    caBundlePath: path.join(pki.dir, PKI_FILES.caBundle),
    demo,
    trust,
    organisations: new OrganisationDirectory(config.dataDir, { trust }),
    codes: loadCodeLists([DEFAULT_CODE_LIST_DIR, ...config.codeListDirs]),
    operations: loadOperationTable(config.operationTable),
  };
}
