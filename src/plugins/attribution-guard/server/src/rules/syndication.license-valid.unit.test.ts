import type { SourceRecord } from '../../../shared/contracts/findings';
import { syndicationLicenseValid } from './syndication.license-valid';
import { buildSeedStory, seedWith, type SeedStory } from './__fixtures__/seed-story';

/** `now` is 2026-11-28T12:00:00Z in every seed story. */
function withAgreement(patch: Partial<SourceRecord>, story: SeedStory = buildSeedStory()): SeedStory {
  return seedWith({ republisher: { ...story.records.tmtPost, ...patch } }, story);
}

describe('syndication.license-valid', () => {
  it('passes the seed story (TMTPost agreement 2026-01-01..2027-12-31, zh-Hant)', () => {
    expect(syndicationLicenseValid(buildSeedStory())).toEqual([]);
  });

  it('flags an agreement that expired yesterday at `republisher`, with the date', () => {
    const findings = syndicationLicenseValid(withAgreement({ licenseValidUntil: '2026-11-27' }));
    expect(findings).toEqual([expect.objectContaining({ rule: 'syndication.license-valid', path: 'republisher' })]);
    expect(findings[0]?.message.en).toContain('expired on 2026-11-27');
    expect(findings[0]?.message['zh-Hant']).toContain('2026-11-27 到期');
  });

  it('counts the last day as valid, whole day in UTC', () => {
    expect(syndicationLicenseValid(withAgreement({ licenseValidUntil: '2026-11-28' }))).toEqual([]);
  });

  it('holds to the last millisecond of the last day and ends at the next midnight UTC', () => {
    const at = (iso: string) => ({ ...withAgreement({ licenseValidUntil: '2026-11-28' }), now: new Date(iso) });
    expect(syndicationLicenseValid(at('2026-11-28T00:00:00.000Z'))).toEqual([]);
    expect(syndicationLicenseValid(at('2026-11-28T23:59:59.999Z'))).toEqual([]);
    expect(syndicationLicenseValid(at('2026-11-29T00:00:00.000Z'))).toEqual([expect.objectContaining({ path: 'republisher' })]);
    // The first day counts from its first millisecond.
    const from = (iso: string) => ({ ...withAgreement({ licenseValidFrom: '2026-11-28' }), now: new Date(iso) });
    expect(syndicationLicenseValid(from('2026-11-27T23:59:59.999Z'))).toHaveLength(1);
    expect(syndicationLicenseValid(from('2026-11-28T00:00:00.000Z'))).toEqual([]);
  });

  it('flags an agreement not yet valid', () => {
    const findings = syndicationLicenseValid(withAgreement({ licenseValidFrom: '2026-11-29' }));
    expect(findings[0]?.message.en).toContain('not yet valid: it starts on 2026-11-29');
  });

  it('flags an agreement that does not cover the article locale `en`', () => {
    const story = buildSeedStory();
    const findings = syndicationLicenseValid(seedWith({ locale: 'en' }, story));
    expect(findings.map((f) => f.path)).toEqual(['republisher']);
    expect(findings[0]?.message.en).toContain('does not cover the locale en');
  });

  it('flags a missing agreement, naming where it was looked for', () => {
    const findings = syndicationLicenseValid(withAgreement({ agreementId: '  ' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message.en).toContain('No syndication agreement is on record for 钛媒體 TMTPost or 正見 TrueView');
  });

  it('accepts an agreement on the outlet entry when the republisher has none', () => {
    const story = buildSeedStory();
    const outletWithAgreement: SourceRecord = {
      ...story.records.trueView,
      agreementId: 'TV-SYND-1',
      licenseValidFrom: null,
      licenseValidUntil: null,
      allowedLocales: [],
    };
    expect(
      syndicationLicenseValid(
        seedWith({ source: outletWithAgreement, republisher: { ...story.records.tmtPost, agreementId: null } }, story),
      ),
    ).toEqual([]);
  });

  it('flags an unreadable date instead of guessing', () => {
    const findings = syndicationLicenseValid(withAgreement({ licenseValidUntil: '2027-02-30' }));
    expect(findings[0]?.message.en).toContain('unreadable date “2027-02-30”');
  });

  it('accepts instants as bounds', () => {
    expect(syndicationLicenseValid(withAgreement({ licenseValidUntil: '2026-11-28T11:59:59Z' }))).toHaveLength(1);
    expect(syndicationLicenseValid(withAgreement({ licenseValidUntil: '2026-11-28T12:00:00Z' }))).toEqual([]);
  });

  it('has nothing to check without a republisher', () => {
    expect(syndicationLicenseValid(seedWith({ republisher: null }))).toEqual([]);
  });
});
