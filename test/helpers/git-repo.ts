// Temporary git repositories for the tests of `opsplan diff`: a folder, commits made with a
// fixed identity and date, and small text edits of tracked files.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACME, tempDir } from './run-cli.js';

/** Runs git in `cwd` with a fixed identity and clock, returning stdout. */
export function git(cwd: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: '2026-11-30T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-30T10:00:00Z' };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

/** A new repository whose `ws/` folder holds a copy of examples/acme, committed; returns its folder. */
export function acmeRepo(): string {
  const repo = tempDir('opsplan-git-');
  cpSync(ACME, path.join(repo, 'ws'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  commitAll(repo, 'base: examples/acme');
  return repo;
}

/** Commits everything; returns the commit id. */
export function commitAll(repo: string, message: string): string {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--allow-empty', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
}

/** Replaces one exact text in a file (which must occur exactly once). */
export function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`${file}: "${from}" must occur exactly once`);
  writeFileSync(file, text.slice(0, at) + to + text.slice(at + from.length));
}
