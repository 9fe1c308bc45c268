import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { decodeUtf8 } from '../../generator/io/decodeUtf8.js';
import { readInputBytes, readInputText } from '../../generator/io/readInputFile.js';
import { scratchDir } from '../emit/fsHelpers.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('reading input files: regular files only, inside their folder, strict UTF-8, bounded', () => {
  it('reads a regular UTF-8 file, keeping a BOM byte for byte', () => {
    // GIVEN a script saved "UTF-8 with BOM" (what Windows PowerShell ISE writes)
    const dir = scratchDir();
    const bytes = Buffer.concat([BOM, Buffer.from("Write-Output 'grüße'\n", 'utf8')]);
    writeFileSync(join(dir, 'a.ps1'), bytes);
    // WHEN it is read as text THEN the text re-encodes to exactly the same bytes
    const read = readInputText(join(dir, 'a.ps1'));
    expect(read.ok).to.equal(true);
    if (read.ok) expect(Buffer.from(read.text, 'utf8').equals(bytes)).to.equal(true);
  });

  it('refuses a symbolic link, even to a regular file beside it', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'real.ps1'), 'x\n');
    symlinkSync(join(dir, 'real.ps1'), join(dir, 'link.ps1'));
    expect(readInputText(join(dir, 'link.ps1'))).to.deep.include({ ok: false, missing: false }).and.to.have.property('reason').that.matches(/^is a symbolic link/);
  });

  it('refuses a FIFO without blocking, and a folder', function () {
    const dir = scratchDir();
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.ps1')]);
    } catch {
      this.skip(); // no mkfifo (Windows)
    }
    expect(readInputText(join(dir, 'pipe.ps1'))).to.have.property('reason').that.matches(/is not a regular file \(a FIFO/);
    expect(readInputText(dir)).to.have.property('reason', 'is a folder, not a file');
  });

  it('refuses a /proc file named directly (it announces 0 bytes and holds the environment)', function () {
    if (!existsSync('/proc/self/environ')) this.skip();
    const read = readInputText('/proc/self/environ');
    expect(read.ok).to.equal(false);
    expect(read).to.have.property('reason').that.matches(/not a regular file on disk .*\/proc/);
  });

  it('refuses a file that resolves outside its folder through a linked subfolder', () => {
    // GIVEN a project whose scripts/ folder is a link to a folder elsewhere
    const project = scratchDir();
    const elsewhere = scratchDir();
    writeFileSync(join(elsewhere, 'secret.ps1'), 'secret\n');
    symlinkSync(elsewhere, join(project, 'scripts'));
    // WHEN a file is read through it, confined to the project THEN it is refused as outside
    const read = readInputText(join(project, 'scripts', 'secret.ps1'), { within: { folder: project, name: "the config's folder" } });
    expect(read).to.deep.include({ ok: false, reason: "is outside the config's folder" });
    // AND a linked subfolder that stays inside is fine
    mkdirSync(join(project, 'real'));
    writeFileSync(join(project, 'real', 'ok.ps1'), 'ok\n');
    symlinkSync(join(project, 'real'), join(project, 'alias'));
    expect(readInputText(join(project, 'alias', 'ok.ps1'), { within: { folder: project, name: 'x' } }).ok).to.equal(true);
  });

  it('refuses a file larger than the cap before reading it', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'big.ps1'), 'x'.repeat(2000));
    expect(readInputBytes(join(dir, 'big.ps1'), { maxBytes: 1024 })).to.deep.include({ ok: false, reason: 'is larger than 1024 bytes' });
    expect(readInputBytes(join(dir, 'big.ps1'), { maxBytes: 4 * 1024 * 1024 }).ok).to.equal(true);
  });

  it('tells a missing file from a refused one', () => {
    expect(readInputText(join(scratchDir(), 'nope.ps1'))).to.deep.equal({ ok: false, missing: true, reason: 'does not exist' });
  });
});

describe('strict UTF-8 decoding: a wrongly saved file is refused with a hint, never silently altered', () => {
  const cases: [string, Buffer, RegExp][] = [
    ['UTF-16 LE with BOM (PowerShell 5 Out-File)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi\n', 'utf16le')]), /looks like UTF-16\): re-save it as UTF-8$/],
    ['UTF-16 BE with BOM', Buffer.from([0xfe, 0xff, 0x00, 0x68, 0x00, 0x69]), /looks like UTF-16/],
    ['UTF-16 LE without BOM (valid UTF-8 bytes, but NULs)', Buffer.from("Write-Output 'hi'\n", 'utf16le'), /looks like UTF-16/],
    ['Windows-1252 ("grüße" with ü = FC)', Buffer.from([0x67, 0x72, 0xfc, 0xdf, 0x65, 0x0a]), /looks like Windows-1252 or another legacy code page\): re-save it as UTF-8$/],
    ['a binary file with one NUL', Buffer.from('abc\0defghijklmnop'), /NUL byte at offset 3/],
  ];
  for (const [what, bytes, reason] of cases) {
    it(`refuses ${what}`, () => {
      const decoded = decodeUtf8(bytes);
      expect(decoded.ok).to.equal(false);
      expect(decoded).to.have.property('reason').that.matches(reason);
    });
  }

  it('accepts UTF-8 with and without a BOM, and keeps the BOM in the text', () => {
    expect(decodeUtf8(Buffer.from('grüße\n', 'utf8'))).to.deep.equal({ ok: true, text: 'grüße\n' });
    expect(decodeUtf8(Buffer.concat([BOM, Buffer.from('x', 'utf8')]))).to.deep.equal({ ok: true, text: '\ufeffx' });
  });
});
