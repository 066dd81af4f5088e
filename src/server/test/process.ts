import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh data directory for a child process. */
export const tempDataDir = () => mkdtempSync(path.join(tmpdir(), 'hjemvej-'));

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * The most a test that starts processes may take: a cap against a hang, not a budget for speed.
 * These tests wait on the children's own signals (a ready line, an exit), never on a clock, so a
 * busy machine makes them slower, not red; only a child that neither signals nor exits in this
 * long fails them.
 */
export const PROCESS_TEST_CAP_MS = 15 * 60_000;

/** Children started by this test file that have not exited yet. */
const running = new Set<ChildProcess>();

/** Spawns `src/server/<script>` with tsx under the Node running the tests. */
export function spawnServerScript(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', '--import', 'tsx', `src/server/${script}`, ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Kills the children a test left running (after a failure), so none holds a port or a data directory. */
export function killChildren() {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Runs a script to completion: its exit is the signal waited on, however long a busy machine takes. */
export function runServerScript(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawnServerScript(script, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => {
      stdout += d;
    });
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Waits until the child prints `ready` on stdout, and returns what it printed so far. Fails as soon
 * as the child exits without having printed it (with its output), never on a clock.
 */
export function waitForOutput(child: ChildProcess, ready: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const done = () => {
      child.stdout?.off('data', onStdout);
      child.stderr?.off('data', onStderr);
      child.off('exit', onExit);
      child.off('error', reject);
    };
    const onStdout = (d: Buffer) => {
      stdout += d;
      if (stdout.includes(ready)) {
        done();
        resolve(stdout);
      }
    };
    const onStderr = (d: Buffer) => {
      stderr += d;
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(
        new Error(
          `exited (${signal ?? code}) before printing "${ready}"\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    };
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    child.on('exit', onExit);
    child.on('error', reject);
  });
}

/** Resolves with the child's exit code once it has exited (at once if it already has). */
export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
