import { expect } from 'chai';
import { generateConfig } from '../../../generator/generate.js';
import { isIanaTimeZone, timeZoneProblem, windowsTimeZoneIds } from '../../../generator/azure/timeZones.js';
import { byName, config, render } from './assetHelpers.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const schedule = (extra: string) => config(`schedules:\n  - name: nightly\n    frequency: Day\n${extra}`);
const errors = (yaml: string, now?: Date) =>
  generateConfig('s.yaml', yaml, now ? { now } : {}).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

describe('schedule time zones', () => {
  for (const zone of ['Europe/Berlin', 'UTC', 'Etc/UTC', 'Asia/Kolkata', 'US/Pacific', 'W. Europe Standard Time', 'UTC-11', 'Pacific Standard Time']) {
    it(`accepts '${zone}' (IANA IDs through ICU, Windows IDs through CLDR's windowsZones)`, () => {
      const { template } = render(schedule(`    timeZone: ${zone}\n`));
      expect((byName(template, 'schedules', 'nightly').properties as { timeZone: string }).timeZone).to.equal(zone);
    });
  }

  it('refuses an unknown time zone with the closest known names', () => {
    expect(errors(schedule('    timeZone: Mars/Olympus_Mons\n'))).to.deep.equal([
      'AG308 /schedules/0/timeZone: unknown time zone "Mars/Olympus_Mons": Azure Automation takes an IANA time zone ID (such as Europe/Berlin or UTC) or a Windows time zone ID (such as W. Europe Standard Time).',
    ]);
    expect(errors(schedule('    timeZone: Europe/Berln\n'))[0]).to.match(/Did you mean 'Europe\/Berlin'/);
    expect(errors(schedule("    timeZone: 'W Europe Standard Time'\n"))[0]).to.match(/Did you mean 'W\. Europe Standard Time'/);
  });

  it('refuses offsets and padded names, which are no time zone IDs whatever the Node version', () => {
    for (const zone of ['+01:00', ' Europe/Berlin', 'GMT+1', 'Z']) expect(isIanaTimeZone(zone), zone).to.equal(false);
    expect(timeZoneProblem('+01:00')).to.match(/^unknown time zone "\+01:00"/);
  });

  it('knows the Windows IDs of CLDR (UTC and W. Europe Standard Time among them)', () => {
    expect(windowsTimeZoneIds().size).to.be.greaterThan(100);
    expect([...windowsTimeZoneIds()]).to.include.members(['UTC', 'W. Europe Standard Time', 'Dateline Standard Time']);
  });
});

describe('start times given by parameter', () => {
  const withStart = (parameter: string, environments = '') =>
    `parameters:\n  start:\n    type: string\n${parameter}${config('schedules:\n  - name: nightly\n    frequency: Day\n    startTime: { param: start }\n')}${environments}`;

  it("checks the parameter's literal default like a literal start time (past at now)", () => {
    expect(errors(withStart("    defaultValue: '2026-05-31T12:00:00Z'\n"), NOW)).to.deep.equal([
      'AG308 /parameters/start/defaultValue: start time "2026-05-31T12:00:00Z" is in the past (or less than 5 minutes ahead) at 2026-06-01T12:00:00.000Z; Azure rejects it. Remove startTime to start 15 minutes after each deployment (parameter scheduleStartTime), or give the parameter a computed default such as { expr: "dateTimeAdd(utcNow(\'u\'), \'P1D\')" } (parameter \'start\' is used at /schedules/0/startTime)',
    ]);
  });

  it('checks parameter-file and environment values too, and their form even without a clock', () => {
    const yaml = withStart("    defaultValue: '2030-01-01T00:00:00Z'\n    value: tomorrow\n", "environments:\n  prod:\n    parameters:\n      start: '2030-13-45T99:00'\n");
    expect(errors(yaml)).to.deep.equal([
      'AG308 /parameters/start/value: "tomorrow" is not a date and time (ISO 8601, e.g. 2030-01-06T07:00:00+01:00) (parameter \'start\' is used at /schedules/0/startTime)',
      'AG308 /environments/prod/parameters/start: "2030-13-45T99:00" is not a date and time (ISO 8601, e.g. 2030-01-06T07:00:00+01:00) (parameter \'start\' is used at /schedules/0/startTime)',
    ]);
  });

  it('accepts a computed default ({ expr }) and a future literal', () => {
    expect(errors(withStart("    defaultValue: { expr: \"dateTimeAdd(utcNow('u'), 'PT1H')\" }\n"), NOW)).to.deep.equal([]);
    expect(errors(withStart("    defaultValue: '2030-01-01T00:00:00+01:00'\n"), NOW)).to.deep.equal([]);
  });
});
