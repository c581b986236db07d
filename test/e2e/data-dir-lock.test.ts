import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshDataDir, TestRun } from '../support/test-database';
import { ChildServer, exitWithin, startProcess } from '../support/server-process';
import { OPERATOR_SECRET } from '../support/test-server';

// DATA_DIR is the embedded database's: on PostgreSQL there is no directory to share
const run: TestRun = JSON.parse(process.env.PR_TEST_RUN!);
const embeddedOnly = run.templateDir ? describe : describe.skip;

async function gql(url: string, query: string, token: string): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

embeddedOnly('one server per data directory', () => {
  const started: ChildServer[] = [];
  const dirs: string[] = [];
  const start = (env: Record<string, string | undefined>, script?: string) => {
    const server = startProcess({ DATABASE_URL: undefined, ADMIN_SECRET: OPERATOR_SECRET, ...env }, script);
    started.push(server);
    return server;
  };
  afterEach(async () => {
    for (const s of started.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  test('a second server on the same DATA_DIR exits non-zero within 10 s naming it; the first keeps its data', async () => {
    const dir = freshDataDir(run.templateDir!);
    dirs.push(dir);
    const first = start({ DATA_DIR: dir });
    const url = await first.listening();
    const created = await gql(
      url,
      `mutation { createOrganisation(name: "Leeds", adminEmail: "a@leeds.gov.uk", adminName: "A") { adminToken } }`,
      OPERATOR_SECRET,
    );
    const token = created.data.createOrganisation.adminToken;

    const second = start({ DATA_DIR: dir });
    const code = await exitWithin(second, 10);
    expect(code).not.toBe('running');
    expect(code).not.toBe(0);
    expect(second.output().stderr).toContain(dir);

    expect((await gql(url, `mutation { createProgramme(input: {code: "P-1", name: "P"}) { code } }`, token)).data).toEqual({
      createProgramme: { code: 'P-1' },
    });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // stopped, the first frees the directory: the next server starts on it and finds its data
    const third = start({ DATA_DIR: dir });
    const again = await third.listening();
    expect((await gql(again, `{ programmes { nodes { code } } }`, token)).data).toEqual({
      programmes: { nodes: [{ code: 'P-1' }] },
    });
  }, 120_000);

  test('`npm run demo` while a demo runs stops without touching the running demo’s data', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-demo-'));
    dirs.push(base);
    const first = start({ DATA_DIR: base }, 'src/demo/main.ts');
    const member = (await first.printed(/^\s+MEMBER\s/)).trim().split(/\s+/)[1];
    const url = (await first.printed(/^programme-register demo: /)).split(': ')[1];
    const programmes = (await gql(url, `{ programmes { totalCount } }`, member)).data.programmes.totalCount;
    expect(programmes).toBeGreaterThan(0);

    const second = start({ DATA_DIR: base }, 'src/demo/main.ts');
    const code = await exitWithin(second, 10);
    expect(code).not.toBe('running');
    expect(code).not.toBe(0);
    expect(second.output().stderr).toContain(path.join(base, 'demo'));

    expect((await gql(url, `{ programmes { totalCount } }`, member)).data.programmes.totalCount).toBe(programmes);
  }, 120_000);
});
