import { expect, waitUntil } from '@open-wc/testing';
import { dayIn, daysBetween, type OrganizationPublic } from '@hausportal/api';
import { orgToday, organizationArrived, serverNow } from '../src/index.js';
import { demoOrganization } from '../src/testing/index.js';

// The organization's day in the browser (DESIGN §6a): the server's `now` plus the time elapsed here, in the
// organization's time zone — whatever this device's clock and zone say.
const answer = (now: string, timeZone = 'Europe/Vienna'): OrganizationPublic =>
  organizationArrived({ ...demoOrganization, timeZone, now, today: dayIn(Date.parse(now), timeZone) });

describe('the organization\'s calendar', () => {
  it('today is the day of the server\'s clock in the organization\'s time zone', () => {
    expect(orgToday({ organization: answer('2026-12-31T22:59:00Z') })).to.equal('2026-12-31');
    expect(orgToday({ organization: answer('2026-12-31T23:00:00Z') })).to.equal('2027-01-01');
    expect(orgToday({ organization: answer('2026-12-31T23:30:00Z', 'America/New_York') })).to.equal('2026-12-31');
    expect(orgToday({ organization: answer('2027-03-28T22:00:00Z') })).to.equal('2027-03-29', 'midnight in summer time');
  });

  it('the server\'s clock runs on from the answer\'s arrival', async () => {
    const organization = answer('2026-12-31T22:59:59.900Z');
    const start = serverNow(organization);
    expect(start - Date.parse(organization.now)).to.be.within(0, 1000);
    await waitUntil(() => serverNow(organization) >= Date.parse('2026-12-31T23:00:00Z'), 'the server clock did not run on', { timeout: 5000 });
    expect(orgToday({ organization })).to.equal('2027-01-01');
  });

  it('until the organization\'s answer arrives, this device\'s day stands in', () => {
    expect(orgToday({ organization: null })).to.equal(dayIn(Date.now()));
    expect(orgToday(undefined)).to.equal(dayIn(Date.now()));
  });

  it('counts whole calendar days, also across daylight-saving changes', () => {
    expect(daysBetween('2026-12-05', '2027-01-01')).to.equal(27);
    expect(daysBetween('2027-03-27', '2027-03-29')).to.equal(2);
    expect(daysBetween('2027-10-30', '2027-11-01')).to.equal(2);
    expect(daysBetween('2027-01-02', '2027-01-01')).to.equal(-1);
  });
});
