import { parseDateline } from './datelines';

describe('parseDateline', () => {
  it.each([
    ['〔記者張家豪/台北報導〕台北市都發局今天公布', null, ['張家豪'], '台北'],
    ['(中央社記者吳佳穎台北3日電)交通部今天宣布', '中央社', ['吳佳穎'], '台北'],
    ['（中央社記者王小明華盛頓12日專電）美國商務部', '中央社', ['王小明'], '華盛頓'],
    ['記者林小美/綜合報導 颱風外圍環流', null, ['林小美'], null],
    ['【記者王大同、李小華/高雄報導】高雄市政府', null, ['王大同', '李小華'], '高雄'],
    ['新华社北京5月3日电(记者王晓)国家统计局今天发布', '新华社', ['王晓'], '北京'],
  ])('reads %s', (text, outlet, reporters, place) => {
    expect(parseDateline(text)).toMatchObject({ outlet, reporters, place });
  });

  it.each(['記者會上,部長表示將檢討。', '台北市今天天氣晴。', '(編者注:這是一段說明)'])('finds none in %s', (text) => {
    expect(parseDateline(text)).toBeNull();
  });
});
