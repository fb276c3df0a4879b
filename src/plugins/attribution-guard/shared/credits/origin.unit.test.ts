import { parseOriginLine } from './origin';

describe('parseOriginLine', () => {
  it('reads a WeChat account line with its writers and the platform that republished it', () => {
    expect(parseOriginLine('本文来自微信公众号：硅基观察（ID：guijiguancha），作者：周一鸣、何青，36氪经授权发布。')).toMatchObject({
      kind: 'wechat',
      outlet: '硅基观察',
      authors: ['周一鸣', '何青'],
      republisher: '36氪',
    });
    expect(parseOriginLine('本文来自微信公众号:X(ID:x_id),作者:Y')).toMatchObject({
      kind: 'wechat',
      outlet: 'X',
      authors: ['Y'],
      republisher: null,
    });
    expect(parseOriginLine('本文來自微信公眾號「科技島」(ID:kejidao),作者:陳一')).toMatchObject({ outlet: '科技島', authors: ['陳一'] });
  });

  it('reads the parts a WeChat line may carry: editor, original title, picture credit', () => {
    expect(
      parseOriginLine(
        '本文来自微信公众号：镜外科技（ID：jingwaikeji），作者：林晓雨，编辑：赵一帆，原文标题：《AI眼镜，又一场百镜大战？》，题图来自：AI生成',
      ),
    ).toMatchObject({
      outlet: '镜外科技',
      authors: ['林晓雨'],
      editor: '赵一帆',
      originalTitle: 'AI眼镜，又一场百镜大战？',
      photoCredit: 'AI生成',
    });
  });

  it.each([
    ['本文來源於數位時代', 'reprinted-from', '數位時代'],
    ['本文来源于：界面新闻', 'reprinted-from', '界面新闻'],
    ['轉載自《天下雜誌》', 'reprinted-from', '天下雜誌'],
    ['本文转载自极客公园,已获授权。', 'reprinted-from', '极客公园'],
    ['本文首發於報導者', 'first-published', '報導者'],
    ['首发于：晚点LatePost', 'first-published', '晚点LatePost'],
  ])('reads %s', (line, kind, outlet) => {
    expect(parseOriginLine(line)).toMatchObject({ kind, outlet });
  });

  it('reads an original title line', () => {
    expect(parseOriginLine('原文標題:《大模型的下半場》')).toMatchObject({ kind: 'original-title', originalTitle: '大模型的下半場' });
  });

  it.each([
    ['更多精彩内容,關注钛媒體微信号(ID:taimeiti),或者下載钛媒體 App', '钛媒體'],
    ['本内容为作者独立观点，不代表虎嗅立场。未经允许不得转载，授权事宜请联系hezuo@huxiu.com', '虎嗅'],
    ['本文由晚点LatePost授权36氪发布。', '36氪'],
    ['36氪经授权发布。', '36氪'],
    ['本文来自虎嗅，原文链接：https://www.huxiu.com/article/123456.html', '虎嗅'],
    ['本文來自虎嗅,原文連結:https://www.huxiu.com/article/123456.html', '虎嗅'],
  ])('reads the aggregator in the closing line %s', (line, republisher) => {
    expect(parseOriginLine(line)?.republisher).toBe(republisher);
  });

  it.each(['來源不明的消息在網路上流傳。', '他說,這個數字來自公司內部。', '關於這件事,我們還在等回應。'])(
    'leaves prose alone: %s',
    (line) => {
      expect(parseOriginLine(line)).toBeNull();
    },
  );
});
