import settings from './settings';
import context from './context';
import entries from './entries';
import workflow from './workflow';
import scheduler from './scheduler';
import schedules from './schedules';

export default {
  settings,
  context,
  entries,
  workflow,
  scheduler,
  schedules,
};
