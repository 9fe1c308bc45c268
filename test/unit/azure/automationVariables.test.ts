import { expect } from 'chai';
import { dateTimeValueText, isoToEpochMs } from '../../../generator/azure/automationVariables.js';

describe('Automation variable encoding facts (azure/automationVariables)', () => {
  it('converts an ISO 8601 date and time with its offset to ms since the epoch, without a clock or local time zone', () => {
    // GIVEN the instant of the solutions-doc example (get-date "5/24/2017 13:14:57" in UTC-7) written three ways
    // THEN each is the same number of ms
    expect(isoToEpochMs('2017-05-24T13:14:57.378-07:00')).to.equal(1495656897378);
    expect(isoToEpochMs('2017-05-24T20:14:57.378Z')).to.equal(1495656897378);
    expect(isoToEpochMs('2017-05-24T22:14:57.378+02:00')).to.equal(1495656897378);
    // AND optional seconds and fractions default to zero; one or two fraction digits are tenths and hundredths
    expect(isoToEpochMs('2030-01-01T00:00Z')).to.equal(Date.UTC(2030, 0, 1));
    expect(isoToEpochMs('2030-01-01T00:00:00.5Z')).to.equal(Date.UTC(2030, 0, 1) + 500);
  });

  it('keeps years before 100 and before 1970 as written (negative ms)', () => {
    expect(isoToEpochMs('1969-12-31T23:59:59Z')).to.equal(-1000);
    expect(isoToEpochMs('0050-01-01T00:00:00Z')).to.equal(new Date('0050-01-01T00:00:00Z').getTime());
  });

  it('refuses what is no instant: no offset, impossible dates and times, year 0, a bad offset', () => {
    for (const bad of ['2030-01-01T00:00:00', '2030-02-29T00:00:00Z', '2030-13-01T00:00:00Z', '2030-01-01T24:00:00Z', '0000-01-01T00:00:00Z', '2030-01-01T00:00:00+15:00', '2030-01-01', 'soon']) {
      expect(isoToEpochMs(bad), bad).to.equal(undefined);
    }
    expect(isoToEpochMs('2028-02-29T00:00:00Z')).to.equal(Date.UTC(2028, 1, 29));
  });

  it("writes a DateTime as the MS-JSON string, quotes and escaped slashes included", () => {
    expect(dateTimeValueText(1495656897378)).to.equal('"\\/Date(1495656897378)\\/"');
    expect(dateTimeValueText(-1000)).to.equal('"\\/Date(-1000)\\/"');
  });
});
