import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { buildManifest, manifestArtifact, readManifest, serializeManifest } from '../../generator/emit/manifest.js';
import { scratchDir } from './fsHelpers.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('the ownership manifest: canonical text, read back only when its shape is sound', () => {
  it('serializes sorted entries, one line each, with a fixed key order and one final newline', () => {
    // GIVEN two artifacts given out of order WHEN the manifest is built and serialized
    const text = serializeManifest(buildManifest([{ path: 'main.bicep', bytes: bytes('b') }, { path: 'azuredeploy.json', bytes: bytes('a') }], 'all'));
    // THEN the text is exactly this (SHA-256 of "a" and "b"), and it parses back to the same entries
    expect(text).to.equal(
      [
        '{',
        '  "$comment": "Written by armgen: the files it wrote in this folder. armgen replaces or removes only these, and removes one only while its SHA-256 matches. Do not edit; commit it with the output.",',
        '  "armgenManifest": 1,',
        '  "files": [',
        '    { "path": "azuredeploy.json", "format": "arm", "sha256": "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb" },',
        '    { "path": "main.bicep", "format": "bicep", "sha256": "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d" }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect((JSON.parse(text) as { files: unknown[] }).files).to.have.length(2);
  });

  it('a --format arm manifest carries over the entries of the kinds it does not render', () => {
    const previous = buildManifest([{ path: 'azuredeploy.json', bytes: bytes('old') }, { path: 'main.bicep', bytes: bytes('b') }, { path: 'runbooks/x.ps1', bytes: bytes('x') }], 'all');
    const next = buildManifest([{ path: 'azuredeploy.json', bytes: bytes('new') }], 'arm', previous);
    expect(next.files.map((f) => f.path)).to.deep.equal(['azuredeploy.json', 'main.bicep']);
    expect(next.files[1]).to.deep.equal(previous.files[1]);
  });

  it('takes each entry\'s kind from the renderer when it says, and recognises staged files by extension in any folder', () => {
    // GIVEN a script the renderer marks as one, in a folder named like nothing armgen knows, and unmarked staged files
    const m = buildManifest(
      [
        { path: 'scripts/notes.json', bytes: bytes('n'), kind: 'script' },
        { path: 'scripts/a.ps1', bytes: bytes('a') },
        { path: 'ops/flow.graphrunbook', bytes: bytes('g') },
        { path: 'modules/roleAssignment.identity.bicep', bytes: bytes('m') },
      ],
      'all',
    );
    // THEN the kinds are script, script, script and bicep
    expect(m.files.map((f) => [f.path, f.format])).to.deep.equal([
      ['modules/roleAssignment.identity.bicep', 'bicep'],
      ['ops/flow.graphrunbook', 'script'],
      ['scripts/a.ps1', 'script'],
      ['scripts/notes.json', 'script'],
    ]);
  });

  it('manifestArtifact takes only the artifacts of its config', () => {
    const m = manifestArtifact('a', [{ path: 'a/azuredeploy.json', text: 'x' }, { path: 'ab/azuredeploy.json', text: 'y' }], 'all');
    expect(m.path).to.equal('a/.armgen-manifest.json');
    expect((JSON.parse(m.text) as { files: unknown[] }).files).to.have.length(1);
  });

  for (const [what, text, reason] of [
    ['not JSON', '{', /is not valid JSON/],
    ['another version', '{"armgenManifest": 2, "files": []}', /is not an armgen manifest \(version 1\)/],
    ['JSON null', 'null', /is not an armgen manifest/],
    ['a path leaving the folder', '{"armgenManifest": 1, "files": [{"path": "../x", "format": "arm", "sha256": "' + 'a'.repeat(64) + '"}]}', /unusable path "\.\.\/x"/],
    ['an absolute path', '{"armgenManifest": 1, "files": [{"path": "/etc/x", "format": "arm", "sha256": "' + 'a'.repeat(64) + '"}]}', /unusable path/],
    ['a path listed twice', '{"armgenManifest": 1, "files": [' + ['1', '2'].map(() => '{"path": "a.json", "format": "arm", "sha256": "' + 'a'.repeat(64) + '"}').join(',') + ']}', /lists a\.json twice/],
    ['a bad hash', '{"armgenManifest": 1, "files": [{"path": "a.json", "format": "arm", "sha256": "xyz"}]}', /unusable entry for a\.json/],
  ] as const) {
    it(`treats a manifest with ${what} as unusable`, () => {
      const root = scratchDir();
      mkdirSync(join(root, 'cfg'));
      writeFileSync(join(root, 'cfg', '.armgen-manifest.json'), text);
      const read = readManifest(root, 'cfg');
      expect(read.state).to.equal('invalid');
      expect(read).to.have.property('reason').that.matches(reason);
    });
  }
});
