import historyEntry from './history-entry/schema.json';

export default {
  'history-entry': { schema: historyEntry },
};
