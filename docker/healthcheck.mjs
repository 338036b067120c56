// Container health probe (Dockerfile HEALTHCHECK, ECS container health check): exit 0 when this
// container's own liveness route answers 2xx within the timeout, 1 otherwise. Slim images have no
// curl, and Node is already there.
const port = process.env.PORT ?? '8000';
const path = process.env.HEALTHCHECK_PATH ?? '/health/live';

try {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4000) });
  process.exitCode = response.ok ? 0 : 1;
} catch {
  process.exitCode = 1;
}
