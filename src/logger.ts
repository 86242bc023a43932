export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** One JSON line per event on stderr; quiet enough for tests at 'silent'. */
export function createLogger(level: LogLevel = 'info', bindings: Record<string, unknown> = {}, sink: (line: string) => void = (l) => console.error(l)): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, data?: Record<string, unknown>) => {
    if (order[lvl] < order[level]) return;
    sink(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...bindings, ...data }));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (b) => createLogger(level, { ...bindings, ...b }, sink),
  };
}

export const silentLogger: Logger = createLogger('silent');
