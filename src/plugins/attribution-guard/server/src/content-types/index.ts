import checkRecord from './check-record/schema.json';
import mediaCredit from './media-credit/schema.json';

export default {
  'check-record': { schema: checkRecord },
  'media-credit': { schema: mediaCredit },
};
