import check from './check';
import records from './records';
import override from './override';

export default { check, records, override };
