/**
 * The composition root's last step: both listeners up, then the configured seed scenario archived through
 * the running simulator. What opens is registered with the launch's resources, so a failure here (a port
 * taken, a bad seed) closes what the earlier steps opened.
 */
import { listenKanta, listenWeb, type Listening } from '../app/listeners.js';
import type { KantaSimConfig } from '../config.js';
import type { ControlService } from '../control/control-service.js';
import { readScenarioFile } from '../control/seed.js';
import { KantaSimError } from '../errors.js';
import type { Ground } from './ground.js';
import type { OpenResources } from './open-resources.js';
import type { ListeningState, Surfaces } from './surfaces.js';

export interface ListenDeps {
  readonly config: KantaSimConfig;
  readonly ground: Ground;
  readonly surfaces: Surfaces;
  readonly control: ControlService;
  readonly listening: ListeningState;
  readonly resources: OpenResources;
}

/** Listens and seeds; anything but a KantaSimError becomes INTERNAL "start-up failed". */
export async function startListening(deps: ListenDeps): Promise<{ kanta: Listening; web: Listening }> {
  const { config, ground, surfaces, listening, resources } = deps;
  try {
    const { pki } = ground;
    const kanta = await listenKanta(
      surfaces.kantaApp,
      { keyPem: pki.serverKeyPem, certPem: pki.serverChainPem, clientCaPem: pki.caBundlePem },
      config.host,
      config.port,
    );
    listening.kanta = kanta;
    resources.add(() => kanta.close());
    const web = await listenWeb(surfaces.webApp, config.webHost, config.webPort);
    listening.web = web;
    resources.add(() => web.close());
    if (config.seed !== undefined) {
      await deps.control.seed(await readScenarioFile(config.seed));
    }
    return { kanta, web };
  } catch (e) {
    throw e instanceof KantaSimError ? e : new KantaSimError('INTERNAL', 'start-up failed', { cause: e });
  }
}
