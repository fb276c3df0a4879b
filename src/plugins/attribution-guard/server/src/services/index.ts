import guard from './guard';
import snapshot from './snapshot';
import records from './records';
import publishContext from './publish-context';
import mediaCredits from './media-credits';
import roleGrants from './role-grants';

export default {
  guard,
  snapshot,
  records,
  'publish-context': publishContext,
  'media-credits': mediaCredits,
  'role-grants': roleGrants,
};
