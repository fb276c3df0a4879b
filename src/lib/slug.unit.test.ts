import { slugFromTitle } from './slug';

describe('slugFromTitle', () => {
  it.each([
    ['用AI發願,垂直行業廠商逐夢“大模型圈”', 'yong-ai-fa-yuan-chui-zhi-hang-ye-chang-shang-zhu-meng-da-mo-xing-quan'],
    ['用AI发愿,垂直行业厂商逐梦“大模型圈”', 'yong-ai-fa-yuan-chui-zhi-hang-ye-chang-shang-zhu-meng-da-mo-xing-quan'],
    ['銀行業的大模型', 'yin-hang-ye-de-da-mo-xing'],
    ['ChatGLM-6B 與 LLaMA', 'chatglm-6b-yu-llama'],
    ['Plain English Title!', 'plain-english-title'],
    ['「引號」與『書名號』', 'yin-hao-yu-shu-ming-hao'],
  ])('%s → %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it('stays within the length limit and never ends with a dash', () => {
    const slug = slugFromTitle('大模型'.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('yields only URL-safe characters', () => {
    expect(slugFromTitle('AI 🤖 與 <b>標籤</b> & 符號 %')).toMatch(/^[a-z0-9-]+$/);
  });
});
