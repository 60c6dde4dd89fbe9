// The command line of `npm run cluster`, checked before anything starts.
import { parseArgs } from 'node:util';

export const USAGE = `npm run cluster -- [--nodes N] [--port P] [--host H] [--data DIR] [--logs DIR]

  --nodes N   Accord nodes to run (1-8, default 2)
  --port P    the proxy's port, where you open Accord (default 8080; 0: any free port)
  --host H    the interface the proxy listens on (default 127.0.0.1)
  --data DIR  keep PostgreSQL's and Redis's data in DIR and reuse it next time
              (default: a temporary directory, deleted on exit)
  --logs DIR  where each process writes its log (default: DIR/logs with --data, else a new
              temporary directory, kept after exit)`;

/**
 * @param {readonly string[]} argv the arguments after the script's name
 * @returns {{ help: true } | { help: false; nodes: number; port: number; host: string; data: string | undefined; logs: string | undefined }}
 */
export function parseClusterOptions(argv) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      nodes: { type: 'string', default: '2' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      logs: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { help: true };
  const nodes = whole(values.nodes, 'nodes', 1, 8);
  const port = whole(values.port, 'port', 0, 65535);
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(values.host)) throw new Error(`--host: ${values.host}?`);
  return { help: false, nodes, port, host: values.host, data: values.data, logs: values.logs };
}

/** @param {string} text @param {string} name @param {number} min @param {number} max */
function whole(text, name, min, max) {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, not '${text}'`);
  }
  return value;
}
