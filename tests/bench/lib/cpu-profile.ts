/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and says where the time went within a
 * window: self time by area (a package under node_modules, a folder of Accord's server, a
 * Node module, the garbage collector) and by function, and the time spent inside each of
 * Accord's own functions (inclusive), as shares of the time the process was not idle.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  percent: number;
}

export interface ProfileSummary {
  busyMs: number;
  areas: ProfileShare[];
  functions: ProfileShare[];
  /** Accord's functions by the time spent in them and what they called. */
  accordInclusive: ProfileShare[];
}

function areaOf({ url, functionName }: CallFrame): string {
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName}`;
  if (url.startsWith('node:')) return url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const own = /\/(server|shared)\/dist\/(?:([^/]+)\/)?/.exec(url);
  if (own) return `accord ${own[1]}/${own[2] ?? ''}`;
  return url;
}

function functionOf({ url, functionName, lineNumber }: CallFrame): string {
  const file = url.replace(/^.*\/(node_modules|server|shared)\//, '$1/');
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/**
 * `window` is in ms since the profile started (the process start, near enough): samples
 * outside it — start-up, shutdown — are left out.
 */
export function summariseCpuProfile(
  file: string,
  window: { fromMs: number; toMs: number } = { fromMs: 0, toMs: Infinity },
  top = 10,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<number, number>();
  let elapsed = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    elapsed += delta;
    if (elapsed / 1000 < window.fromMs || elapsed / 1000 > window.toMs) return;
    self.set(id, (self.get(id) ?? 0) + delta);
  });

  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    busy += micros;
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + micros);
    const fn = functionOf(frame);
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
    // Each of Accord's functions on this stack, once even when it recurses.
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (f && /\/(server|shared)\/dist\//.test(f.url)) onStack.add(functionOf(f));
    }
    for (const key of onStack) inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
  }
  const shares = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, percent: (micros / busy) * 100 }));
  return {
    busyMs: busy / 1000,
    areas: shares(areas),
    functions: shares(functions),
    accordInclusive: shares(inclusive),
  };
}
