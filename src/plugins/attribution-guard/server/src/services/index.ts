import guard from './guard';
import snapshot from './snapshot';
import records from './records';
import publishContext from './publish-context';
import mediaCredits from './media-credits';

export default {
  guard,
  snapshot,
  records,
  'publish-context': publishContext,
  'media-credits': mediaCredits,
};
