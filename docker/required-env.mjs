// What the one-shot tasks (trigger-sync.mjs, smoke.mjs) share: a variable they cannot run
// without, or one JSON error line and exit 2.
export function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(JSON.stringify({ level: 'error', msg: `${name} is not set` }));
    process.exit(2);
  }
  return value;
}
