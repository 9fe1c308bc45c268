import { expect } from 'chai';
import { apiVersionAgeDays, LINT_REFERENCE_DATE, MAX_API_AGE_DAYS } from '../../../generator/lint/apiVersions.js';
import { lintArtifacts } from '../../../generator/lint/lint.js';
import { clone, files, goodTemplate, only, type Json } from './lintFixtures.js';

function lintWith(mutate: (t: Json) => void) {
  const t = clone(goodTemplate());
  mutate(t);
  return only(lintArtifacts(files(t)), 'api-versions-recent');
}

describe('lint rule api-versions-recent', () => {
  it('measures age against the pinned 2026-11-01, never today', () => {
    // GIVEN the pinned reference date
    // WHEN ages are computed
    // THEN they count days up to 2026-11-01 whatever the clock says
    expect(LINT_REFERENCE_DATE).to.equal('2026-11-01');
    expect(MAX_API_AGE_DAYS).to.equal(730);
    expect(apiVersionAgeDays('2024-11-01')).to.equal(730);
    expect(apiVersionAgeDays('2024-10-31-preview')).to.equal(731);
    expect(apiVersionAgeDays('latest')).to.equal(undefined);
  });

  it('fires as a warning for a resource API version over two years old when a newer one is known', () => {
    // GIVEN the account at 2023-11-01 (armgen knows 2024-10-23)
    const hits = lintWith((t) => (t.resources[1].apiVersion = '2023-11-01'));
    // THEN one warning names the age and the newer version
    expect(hits).to.have.length(1);
    expect(hits[0]).to.include({ severity: 'warning', jsonPath: '$.resources[1].apiVersion' });
    expect(hits[0]?.message).to.include('1096 days').and.include('2024-10-23 is available');
  });

  it('stays quiet for an old version that is still the newest known (as arm-ttk: "the latest or under 730 days")', () => {
    // GIVEN the good template: automationAccounts@2024-10-23 (739 days) and roleAssignments@2022-04-01 are armgen's newest
    // WHEN it is linted
    // THEN nothing is reported
    expect(lintWith(() => undefined)).to.deep.equal([]);
  });

  it('fires for unknown types by age alone, for non-date versions, and for old versions in reference()', () => {
    // GIVEN an old unknown type, a non-date version, and an old reference() API version inside an inner template
    const hits = lintWith((t) => {
      t.resources.push({ type: 'Microsoft.Contoso/widgets', apiVersion: '2019-01-01', name: 'w', location: "[parameters('location')]" });
      t.resources[0].apiVersion = 'latest';
      t.resources[4].properties.template.outputs.p = { type: 'string', value: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'x'), '2018-11-30').principalId]" };
    });
    // THEN all three are reported
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.resources[0].apiVersion', '$.resources[5].apiVersion', '$.resources[4].properties.template.outputs.p.value']);
  });

  it('treats a stable version as newer than the preview of the same date', () => {
    // GIVEN a preview of the date armgen uses as stable, over two years old
    const hits = lintWith((t) => (t.resources[1].apiVersion = '2024-10-23-preview'));
    // THEN it is reported
    expect(hits).to.have.length(1);
  });
});
