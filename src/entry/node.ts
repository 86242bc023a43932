import { ConfigError } from '../config/env.js';
import { startNodeServer } from './node-server.js';

// `npm start`: the Node server on the embedded defaults. Exits non-zero, naming each bad field, on a bad environment.
try {
  const server = await startNodeServer(process.env);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: shutting down`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error('Liaison cannot start: the environment is invalid.');
    for (const line of err.issues.split('; ')) console.error(`  - ${line}`);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
}
