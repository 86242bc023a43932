import type { Command } from './types.js';

export const serve: Command = {
  name: 'serve',
  usage: 'liaison serve',
  summary: 'start the server (same as npm start)',
  async run() {
    await import('../../entry/node.js');
    await new Promise(() => {}); // runs until a signal
  },
};
