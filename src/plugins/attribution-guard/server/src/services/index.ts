import guard from './guard';
import snapshot from './snapshot';
import records from './records';
import publishContext from './publish-context';
import mediaCredits from './media-credits';
import settings from './settings';
import formData from './form-data';
import preview from './preview';
import fileUsage from './file-usage';
import dependents from './dependents';
import publishConditions from './publish-conditions';
import linkedQuotes from './linked-quotes';

export default {
  guard,
  snapshot,
  records,
  'publish-context': publishContext,
  'media-credits': mediaCredits,
  settings,
  'form-data': formData,
  preview,
  'file-usage': fileUsage,
  dependents,
  'publish-conditions': publishConditions,
  'linked-quotes': linkedQuotes,
};
