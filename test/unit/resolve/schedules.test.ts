import { expect } from 'chai';
import { ACCOUNT_ID, byName, childId, config, errorsOf, officialSchemaErrors, render, resourcesOfType } from './assetHelpers.js';

const runbook = 'runbooks:\n  - name: Nightly\n    type: PowerShell\n    uri: https://example.com/n.ps1\n';
const NOW = new Date('2026-06-01T12:00:00Z');

describe('schedules and job schedules', () => {
  it('starts a schedule without startTime at the scheduleStartTime parameter, 15 minutes after deployment by default', () => {
    // GIVEN a daily schedule without a start time
    const { template } = render(config('schedules:\n  - name: nightly\n    frequency: Day\n'));
    // WHEN rendered THEN it starts at the parameter, whose default is computed at deployment
    const schedule = byName(template, 'schedules', 'nightly');
    expect(schedule.properties).to.deep.equal({ startTime: "[parameters('scheduleStartTime')]", frequency: 'Day', interval: 1 });
    expect(template.parameters.scheduleStartTime).to.deep.include({ type: 'string', defaultValue: "[dateTimeAdd(utcNow('u'), 'PT15M')]" });
    expect(schedule.dependsOn).to.deep.equal([ACCOUNT_ID]);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('writes advanced schedules, time zone and expiry, and no interval for OneTime', () => {
    // GIVEN weekly, monthly and one-time schedules with fixed future start times
    const yaml = config(
      [
        'schedules:',
        '  - name: weekly',
        '    frequency: Week',
        "    startTime: '2030-01-06T07:00:00+01:00'",
        '    timeZone: Europe/Berlin',
        '    advancedSchedule: { weekDays: [Monday, Thursday] }',
        '  - name: month-end',
        '    frequency: Month',
        '    interval: 2',
        "    startTime: '2030-01-31T22:00:00Z'",
        "    expiryTime: '2031-01-31T22:00:00Z'",
        '    advancedSchedule:',
        '      monthlyOccurrences: [{ day: Friday, occurrence: -1 }]',
        '  - name: once',
        '    frequency: OneTime',
        "    startTime: '2030-05-01T00:00:00Z'",
      ].join('\n'),
    );
    // WHEN it is rendered (with a clock)
    const { template } = render(yaml, { now: NOW });
    // THEN each schedule carries exactly what was asked
    expect(byName(template, 'schedules', 'weekly').properties).to.deep.equal({
      startTime: '2030-01-06T07:00:00+01:00',
      frequency: 'Week',
      interval: 1,
      timeZone: 'Europe/Berlin',
      advancedSchedule: { weekDays: ['Monday', 'Thursday'] },
    });
    expect((byName(template, 'schedules', 'month-end').properties as Record<string, unknown>).advancedSchedule).to.deep.equal({
      monthlyOccurrences: [{ day: 'Friday', occurrence: -1 }],
    });
    expect(byName(template, 'schedules', 'once').properties).not.to.have.property('interval');
    expect(template.parameters).not.to.have.property('scheduleStartTime');
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('names a job schedule guid(account ID, runbook, schedule, seed) with a seed new on every deployment, and makes it wait for both', () => {
    // GIVEN a runbook linked to a schedule with parameters and a hybrid worker group
    const yaml = config(`${runbook}schedules:\n  - name: nightly\n    frequency: Day\njobSchedules:\n  - runbook: Nightly\n    schedule: nightly\n    parameters: { Mode: full }\n    runOn: hybrid-group\n`);
    // WHEN it is rendered
    const { template } = render(yaml);
    const [link] = resourcesOfType(template, 'jobSchedules');
    // THEN the name changes with every deployment (Azure refuses a job-schedule name it has seen), the template text does not
    expect(link!.name).to.equal(`[format('{0}/{1}', 'aa-assets-01', guid(${ACCOUNT_ID.slice(1, -1)}, 'Nightly', 'nightly', parameters('jobScheduleSeed')))]`);
    expect(template.parameters.jobScheduleSeed).to.deep.include({ type: 'string', defaultValue: '[newGuid()]' });
    expect(link!.properties).to.deep.equal({ runbook: { name: 'Nightly' }, schedule: { name: 'nightly' }, parameters: { Mode: 'full' }, runOn: 'hybrid-group' });
    expect(link!.dependsOn).to.deep.equal([ACCOUNT_ID, childId('runbooks', 'Nightly'), childId('schedules', 'nightly')]);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  describe('config errors', () => {
    it('rejects an unknown schedule in a job schedule, with a suggestion', () => {
      const errors = errorsOf(config(`${runbook}schedules:\n  - name: nightly\n    frequency: Day\njobSchedules:\n  - runbook: Nightly\n    schedule: nighty\n`));
      expect(errors).to.deep.equal(["AG301 /jobSchedules/0/schedule: unknown schedule 'nighty'. Did you mean 'nightly'?"]);
    });

    it('rejects an unknown runbook in a job schedule', () => {
      const errors = errorsOf(config(`${runbook}schedules:\n  - name: nightly\n    frequency: Day\njobSchedules:\n  - runbook: Nighty\n    schedule: nightly\n`));
      expect(errors).to.deep.equal(["AG301 /jobSchedules/0/runbook: unknown runbook 'Nighty'. Did you mean 'Nightly'?"]);
    });

    it('rejects a fixed start time in the past when the caller gives the current time', () => {
      // GIVEN a start time before "now"
      const yaml = config("schedules:\n  - name: late\n    frequency: Day\n    startTime: '2026-05-31T12:00:00Z'\n");
      // WHEN resolved with a clock THEN it is an error; without one the check is skipped (pure rendering)
      expect(errorsOf(yaml, { now: NOW }).join('\n')).to.contain('AG308 /schedules/0/startTime: start time 2026-05-31T12:00:00Z is in the past');
      expect(() => render(yaml)).not.to.throw();
    });

    it('rejects a start time less than 5 minutes ahead, and judges a time without offset by the widest time zone', () => {
      const soon = config("schedules:\n  - name: soon\n    frequency: Day\n    startTime: '2026-06-01T12:03:00Z'\n");
      expect(errorsOf(soon, { now: NOW }).join('\n')).to.contain('AG308');
      // 11:00 without an offset may be 11:00 at UTC+14, i.e. still ahead: accepted
      const local = config("schedules:\n  - name: local\n    frequency: Day\n    startTime: '2026-06-01T11:00:00'\n    timeZone: Pacific/Kiritimati\n");
      expect(() => render(local, { now: NOW })).not.to.throw();
    });

    it('rejects an expiry time already past when the caller gives the current time', () => {
      const yaml = config("schedules:\n  - name: old\n    frequency: Day\n    expiryTime: '2026-01-01T00:00:00Z'\n");
      expect(errorsOf(yaml, { now: NOW })).to.deep.equal([
        'AG308 /schedules/0/expiryTime: expiryTime 2026-01-01T00:00:00Z is already past at 2026-06-01T12:00:00.000Z: the schedule would never run',
      ]);
    });

    it('rejects advanced schedules that do not fit the frequency', () => {
      const errors = errorsOf(config('schedules:\n  - name: s\n    frequency: Day\n    advancedSchedule: { weekDays: [Monday] }\n'));
      expect(errors).to.deep.equal(['AG200 /schedules/0/advancedSchedule/weekDays: weekDays needs frequency Week (got Day)']);
    });
  });
});
