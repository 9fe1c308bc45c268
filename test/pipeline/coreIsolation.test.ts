import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import ts from 'typescript';
import { repoRoot } from '../support/paths.js';

/**
 * The source-level half of docs/security.md "Hostile environment": armgen has no way to reach the network or run a
 * program, and its pure core (load -> validate -> resolve -> render -> verify, generateConfig) reads no clock, no
 * randomness, no environment variable and no file but armgen's own templates and schema. Checked on the syntax
 * tree of every generator/ module (comments and strings cannot hide or fake a use).
 */

/** Modules through which code reaches the network, another process, or evaluates text as code. */
const FORBIDDEN_MODULES = ['child_process', 'cluster', 'dgram', 'dns', 'http', 'http2', 'https', 'inspector', 'net', 'tls', 'vm', 'worker_threads'];
/**
 * The one allowed use: the render pool starts worker threads that run armgen's own pipeline (the same module,
 * entered as a worker) on config text; a worker never loads or evaluates anything a config names.
 */
const ALLOWED_USES = new Set(['generator/commands/renderPool.ts imports worker_threads']);
/** The stages generateConfig runs, and what they share. The CLI (cli.ts, commands/), io/ and emit/ are the impure shell. */
const CORE = /^generator\/(generate\.ts|diagnostics\.ts|diagnosticDocs\.ts|(load|validate|resolve|render|verify|model|azure|lint|util|docs)\/)/;
/** Core modules that read files: armgen's own templates/ (render) and schemas/ (validate), never a config's. */
const CORE_FILE_READERS = ['generator/render/environment.ts', 'generator/validate/validator.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

interface Uses {
  readonly modules: string[];
  readonly calls: string[];
}

/** Imported modules (without `node:`) and the uses of clock, randomness, environment and code evaluation. */
function usesOf(file: string): Uses {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const modules: string[] = [];
  const calls: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      modules.push(node.moduleSpecifier.text.replace(/^node:/, ''));
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['eval', 'fetch', 'require'].includes(node.expression.text)) {
      const arg = node.arguments[0];
      if (node.expression.text === 'require' && arg && ts.isStringLiteral(arg)) modules.push(arg.text.replace(/^node:/, ''));
      else if (node.expression.text !== 'require') calls.push(`${node.expression.text}()`);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === 'Function') calls.push('new Function()');
      if (node.expression.text === 'Date' && (node.arguments?.length ?? 0) === 0) calls.push('new Date()');
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const text = `${node.expression.text}.${node.name.text}`;
      if (['Date.now', 'Math.random', 'process.env', 'process.cwd', 'performance.now', 'crypto.randomUUID', 'crypto.getRandomValues'].includes(text)) calls.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { modules, calls };
}

describe('armgen cannot reach the network or run programs; its pure core reads no clock, randomness or environment', () => {
  const files = sources(join(repoRoot, 'generator')).map((f) => ({ path: relative(repoRoot, f).split('\\').join('/'), uses: usesOf(f) }));

  it('GIVEN every generator/ module THEN none imports a network, process or code-evaluation module, nor calls eval, fetch or new Function', () => {
    const found = files.flatMap((f) => [
      ...f.uses.modules.filter((m) => FORBIDDEN_MODULES.includes(m)).map((m) => `${f.path} imports ${m}`).filter((use) => !ALLOWED_USES.has(use)),
      ...f.uses.calls.filter((c) => ['eval()', 'fetch()', 'new Function()'].includes(c)).map((c) => `${f.path} calls ${c}`),
    ]);
    expect(files.length).to.be.greaterThan(100);
    expect(found).to.deep.equal([]);
  });

  it('GIVEN the core modules (load to verify) THEN none reads the clock, randomness, the environment or the working directory', () => {
    const core = files.filter((f) => CORE.test(f.path));
    expect(core.map((f) => f.path)).to.include.members(['generator/generate.ts', 'generator/load/loadConfig.ts', 'generator/resolve/resolveModel.ts', 'generator/render/arm/renderArm.ts']);
    expect(core.flatMap((f) => f.uses.calls.map((c) => `${f.path} uses ${c}`))).to.deep.equal([]);
  });

  it('GIVEN the core modules THEN only the template and schema loaders touch the file system', () => {
    const readers = files.filter((f) => CORE.test(f.path) && f.uses.modules.some((m) => m === 'fs' || m === 'fs/promises')).map((f) => f.path);
    expect(readers.sort()).to.deep.equal(CORE_FILE_READERS);
  });
});
