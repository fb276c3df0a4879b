import check from './check';
import records from './records';
import override from './override';
import settings from './settings';
import mediaCredit from './media-credit';
import status from './status';
import dependencyOverride from './dependency-override';
import refusals from './refusals';

export default {
  check,
  records,
  override,
  settings,
  'media-credit': mediaCredit,
  status,
  'dependency-override': dependencyOverride,
  refusals,
};
