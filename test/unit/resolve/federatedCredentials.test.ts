import { expect } from 'chai';
import { generateConfig } from '../../../generator/generate.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const identity = (credentials: string) =>
  `identities:\n  - name: deployer\n    resourceName: uai-deployer\n    create: true\n    federatedCredentials:\n${credentials}automationAccount:\n  name: aa-fic-01\n  identity:\n    userAssigned: [deployer]\n`;
const errors = (yaml: string) => generateConfig('fic.yaml', yaml).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

describe('federated credentials of one identity', () => {
  it('accepts distinct names with distinct issuer and subject', () => {
    const yaml = identity(`      - { name: main, issuer: ${ISSUER}, subject: 'repo:o/r:ref:refs/heads/main' }\n      - { name: prod, issuer: ${ISSUER}, subject: 'repo:o/r:environment:prod' }\n`);
    expect(errors(yaml)).to.deep.equal([]);
  });

  it('refuses two credentials with one name, in any letter case (one resource twice; Bicep BCP121)', () => {
    const yaml = identity(`      - { name: main, issuer: ${ISSUER}, subject: a }\n      - { name: Main, issuer: ${ISSUER}, subject: b }\n`);
    expect(errors(yaml)).to.deep.equal([
      "AG302 /identities/0/federatedCredentials/1/name: federated credential 'Main' is already declared at federatedCredentials/0 of this identity (names are case-insensitive)",
    ]);
  });

  it('refuses the same issuer and subject twice on one identity (Entra keeps one per pair)', () => {
    const yaml = identity(`      - { name: main, issuer: ${ISSUER}, subject: 'repo:o/r:ref:refs/heads/main' }\n      - { name: again, issuer: ${ISSUER}, subject: 'repo:o/r:ref:refs/heads/main' }\n`);
    expect(errors(yaml)).to.deep.equal([
      "AG302 /identities/0/federatedCredentials/1/subject: federated credential 'again' has the same issuer and subject as federatedCredentials/0; Entra accepts one credential per issuer and subject on an identity",
    ]);
  });
});
