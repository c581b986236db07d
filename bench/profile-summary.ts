// Where a CPU profile's samples went (node --cpu-prof output), grouped by what ran them: a
// package of node_modules, the project's own code, Node's internals, the garbage collector.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function component(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName ? `(${functionName.replace(/[()]/g, '')})` : '(native)';
  const inModules = url.split('node_modules/');
  if (inModules.length > 1) {
    const parts = inModules[inModules.length - 1].split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes('/dist/')) return `project ${url.split('/dist/')[1]}`;
  if (url.startsWith('node:')) return url;
  return url.includes('/') ? 'project' : url;
}

/** The largest shares of a profile's samples, by component and by function. */
export function summarise(file: string, rows = 15): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const byComponent = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const name = component(frame);
    byComponent.set(name, (byComponent.get(name) ?? 0) + profile.timeDeltas[i]);
    const fn = `${frame.functionName || '(anonymous)'} (${name})`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + profile.timeDeltas[i]);
  });
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `by component:\n${top(byComponent)}\n\nby function:\n${top(byFunction)}`;
}
