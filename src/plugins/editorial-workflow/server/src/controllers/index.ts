import entries from './entries';
import schedules from './schedules';

export default { entries, schedules };
