import type { BlocksNode, Finding, ImageUsage, Rule } from '../../../shared/contracts/findings';
import { stripCreditPrefix } from '../../../shared/text/credit';
import { capitalise, describeImage, message } from '../../../shared/text/messages';
import { finding } from './support/finding';
import { creditPath } from './support/paths';

export const id = 'image.credit-required';

function missingCredit(usage: ImageUsage): boolean {
  return usage.credit === null || stripCreditPrefix(usage.credit) === '';
}

/**
 * A body image node the snapshot carries no usage for: its credit is unknown, so it counts as
 * uncredited rather than slipping through (the usage list is built elsewhere and could miss one).
 */
function unlistedBodyImages(images: readonly ImageUsage[], body: readonly BlocksNode[]): ImageUsage[] {
  const listed = new Set(images.map((usage) => usage.path));
  const unlisted: ImageUsage[] = [];
  body.forEach((node, index) => {
    if (node.type !== 'image' || listed.has(`body.${index}`)) return;
    unlisted.push({
      path: `body.${index}`,
      fileId: node.image?.id ?? null,
      url: node.image?.url ?? null,
      name: node.image?.name ?? null,
      credit: null,
      agency: null,
      photographer: null,
      license: null,
      creditOrigin: 'none',
    });
  });
  return unlisted;
}

/** Cover, gallery and body images all need a credit; a bare label such as `圖片來源` or `@` credits no one. */
export const imageCreditRequired: Rule = (input) => {
  const { images, body } = input.article;
  const uncredited = [...images.filter(missingCredit), ...unlistedBodyImages(images, body)];
  return uncredited.map((usage): Finding => {
    const image = describeImage(usage);
    return finding(
      input,
      id,
      creditPath(usage),
      message(
        `${capitalise(image.en)} has no credit. Name the photographer or agency.`,
        `${image['zh-Hant']}沒有圖片來源。請填寫攝影者或圖片社。`,
        `${image['zh-Hans']}没有图片来源。请填写摄影者或图片社。`,
      ),
    );
  });
};
