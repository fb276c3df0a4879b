import { parseEnglishCredit } from './english';

describe('parseEnglishCredit', () => {
  it.each([
    ['By Jane Ho and Marcus Lee, TechPulse', ['Jane Ho', 'Marcus Lee'], 'TechPulse', false],
    ['By Jane Ho, Marcus Lee and Ann Wu', ['Jane Ho', 'Marcus Lee', 'Ann Wu'], null, false],
    ['By Jane Ho', ['Jane Ho'], null, false],
    ['By Jane Ho for TechPulse', ['Jane Ho'], 'TechPulse', false],
    ['By Jane Ho, TechPulse', ['Jane Ho'], 'TechPulse', true],
    ['Written by Priya Nair', ['Priya Nair'], null, false],
  ])('reads %s', (line, authors, outlet, guessed) => {
    expect(parseEnglishCredit(line)).toMatchObject({ authors, outlet, outletGuessed: guessed });
  });

  it('decides a known outlet by the records', () => {
    expect(parseEnglishCredit('By Jane Ho, TechPulse', (name) => name === 'TechPulse')).toMatchObject({
      outlet: 'TechPulse',
      outletGuessed: false,
    });
  });

  it('reads editors and wire credits', () => {
    expect(parseEnglishCredit('Edited by Ann Wu')).toMatchObject({ editor: 'Ann Wu', authors: [] });
    expect(parseEnglishCredit('Reporting by Jane Ho and Tom Becker; Editing by Ann Wu')).toMatchObject({
      authors: ['Jane Ho', 'Tom Becker'],
      editor: 'Ann Wu',
    });
  });

  it('reads republication notes', () => {
    expect(parseEnglishCredit('This article was first published by TechPulse and is republished with permission.')).toMatchObject({
      origin: 'TechPulse',
      republishedWithPermission: true,
    });
    expect(parseEnglishCredit('This story originally appeared in The Northwind Review.')).toMatchObject({ origin: 'The Northwind Review' });
  });

  it.each([
    'By 2030, most phones will run a model locally.',
    'By the end of the year, prices fell.',
    'By Tuesday, Apple said it would ship the update.',
  ])('leaves prose alone: %s', (line) => {
    expect(parseEnglishCredit(line)).toBeNull();
  });
});
