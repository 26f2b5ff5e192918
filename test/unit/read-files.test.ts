// Walking a workspace builds paths by string operations (src/load/read-files.ts): the same
// paths path.join and path.relative give, for absolute, relative and unnormalized roots.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { absolutePaths, listYamlFiles, readSourceFile } from '../../src/load/read-files.js';
import { tempDir } from '../helpers/run-cli.js';

describe('listYamlFiles and readSourceFile', () => {
  it('give the paths path.join and path.relative give', () => {
    const root = tempDir('opsplan-read-files-');
    for (const f of ['opsplan.yaml', 'a/b.yaml', 'a/c/d.yml', 'a/c/e.txt', 'z/y.yaml', '.hidden/h.yaml', 'node_modules/m.yaml']) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), 'kind: company\n');
    }
    symlinkSync(path.join(root, 'a'), path.join(root, 'link'));
    const expected = ['a/b.yaml', 'a/c/d.yml', 'opsplan.yaml', 'z/y.yaml'];
    const rel = path.relative(process.cwd(), root);
    for (const given of [root, `${root}${path.sep}`, path.join(root, 'a', '..'), `${root}${path.sep}a${path.sep}..${path.sep}.`, rel]) {
      const listed = listYamlFiles(given);
      expect(listed.files).toEqual(expected.map((f) => path.join(given, ...f.split('/'))));
      expect(listed.diagnostics.map((d) => [d.file, d.code])).toEqual([['link', 'workspace/symlink-skipped']]);
      const abs = path.resolve(given);
      expect(listYamlFiles(abs).files.map((f) => readSourceFile(abs, f, { maxFileBytes: 100 }).source!.file)).toEqual(expected);
    }
  });

  it('absolutePaths gives path.join of the root and each file', () => {
    const files = ['a.yaml', 'a/b.yaml', 'a/./b.yaml', 'a/../b.yaml', '../x.yaml', './a.yaml', 'a//b.yaml', '/abs.yaml', '', 'a/', '.', '..', '.hidden/x.yaml', 'a/..b/c.yaml', 'a/b..yaml', '部/门.yaml'];
    for (const root of ['/tmp/ws', '/tmp/ws/', '/', '/tmp/./ws', '/tmp/x/../ws', 'rel/ws', '']) {
      expect(absolutePaths(root, files)).toEqual(files.map((f) => path.join(root, f)));
    }
  });
});
