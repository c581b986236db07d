/** Structured logs: one JSON object a line on stdout. Never pass tokens or secrets in. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: 'info' | 'silent'): Logger {
  const write = (severity: string, msg: string, fields?: Record<string, unknown>) => {
    if (level === 'silent' && severity !== 'error') return;
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: severity, msg, ...fields }) + '\n');
  };
  return {
    info: (msg, fields) => write('info', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}
