/**
 * The Node.js versions the server runs on: those its dependencies support (TypeORM 1 asks for
 * the most), the same range as package.json's "engines". Imported first by every entry point, so
 * that an older Node says so in one line instead of failing somewhere inside a dependency.
 */
export const SUPPORTED_NODE = '^20.19.0 || ^22.13.0 || >=24.11.0';

export function isSupportedNode(version: string): boolean {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 13;
  return major > 24 || (major === 24 && minor >= 11);
}

if (!isSupportedNode(process.versions.node)) {
  console.error(`programme-register needs Node.js 20.19 or later (${SUPPORTED_NODE}); this is Node.js ${process.versions.node}`);
  process.exit(1);
}
