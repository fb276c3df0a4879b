import { findInlinePhotoCredits, parsePhotoCreditLine } from './photo-credits';

describe('parsePhotoCreditLine', () => {
  it.each([
    ['圖片來源 @視覺中國', '視覺中國', null],
    ['图片来源:东方IC', '东方IC', null],
    ['头图来自：视觉中国', '视觉中国', null],
    ['題圖/路透社', '路透社', null],
    ['题图|受访者供图', '受访者', null],
    ['圖/路透社', '路透社', null],
    ['图源:雷峰网', '雷峰网', null],
    ['攝影 | 林彥廷', '林彥廷', '林彥廷'],
    ['圖/記者張家豪攝', '張家豪', '張家豪'],
    ['Photo: Reuters', 'Reuters', null],
    ['Image: Getty Images', 'Getty Images', null],
    ['Photograph by Ann Wu', 'Ann Wu', 'Ann Wu'],
    ['Photo credit: AP', 'AP', null],
  ])('reads %s', (line, credit, photographer) => {
    expect(parsePhotoCreditLine(line)).toMatchObject({ credit, photographer, wholeLine: true });
  });

  it('marks handouts', () => {
    expect(parsePhotoCreditLine('圖片提供:交通部')?.credit).toBe('交通部');
    expect(parsePhotoCreditLine('題圖/受訪者提供')).toMatchObject({ credit: '受訪者', handout: true });
  });

  it.each(['圖書館今天起延長開放時間。', '图片中的人物是他的父亲，拍摄于1990年。', 'Photos of the event were shared widely.'])(
    'leaves prose alone: %s',
    (line) => {
      expect(parsePhotoCreditLine(line)).toBeNull();
    },
  );
});

describe('findInlinePhotoCredits', () => {
  it('reads credits inside captions', () => {
    expect(findInlinePhotoCredits('校長站在校門口。(攝影/林彥廷)').map((c) => [c.credit, c.photographer])).toEqual([['林彥廷', '林彥廷']]);
    expect(findInlinePhotoCredits('(圖/交通部提供)').map((c) => [c.credit, c.handout])).toEqual([['交通部', true]]);
    expect(findInlinePhotoCredits('A crowded platform in Taipei. (Photo: Reuters)').map((c) => c.credit)).toEqual(['Reuters']);
    expect(findInlinePhotoCredits('他說(這是玩笑)。')).toEqual([]);
  });
});
