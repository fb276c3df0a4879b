import settings from './settings';
import context from './context';
import entries from './entries';
import stage from './stage';
import workflow from './workflow';
import scheduler from './scheduler';
import schedules from './schedules';

export default {
  settings,
  context,
  entries,
  stage,
  workflow,
  scheduler,
  schedules,
};
