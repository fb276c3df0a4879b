/**
 * The history's note on a converted edition, in the admin's three languages (the workflow keeps its
 * English as the comment). `variant` is the OpenCC Traditional variant the text was read as.
 */
export function machineConvertedNote(from: string, variant: string): { en: string; 'zh-Hant': string; 'zh-Hans': string } {
  return {
    en: `Machine-converted from ${from} (OpenCC ${variant} → cn); needs review.`,
    'zh-Hant': `由 ${from} 機器轉換(OpenCC ${variant} → cn),須審閱。`,
    'zh-Hans': `由 ${from} 机器转换(OpenCC ${variant} → cn),须审阅。`,
  };
}
