import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';

export interface StartOptions {
  port: number;
  host?: string;
  /** How long in-flight requests get after SIGTERM/SIGINT before the process exits anyway. */
  shutdownDelayMs?: number;
}

/**
 * Listens, and on SIGTERM/SIGINT (or an uncaught error) stops accepting connections, lets
 * in-flight requests finish, runs the app's onClose hooks and exits.
 */
export async function startService(app: FastifyInstance, options: StartOptions): Promise<string> {
  const graceful = closeWithGrace({ delay: options.shutdownDelayMs ?? 10_000, logger: app.log }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an uncaught error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  app.addHook('onClose', (_instance, done) => {
    graceful.uninstall();
    done();
  });
  return app.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
}
