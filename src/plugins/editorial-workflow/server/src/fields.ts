import { STAGES } from '../../shared/contracts/workflow';
import { FIELDS } from './constants';

// Per locale (each translation goes through review on its own), hidden from the edit form (the
// side panel edits them through the workflow's own routes), and private: the public API never
// sees them. `writable` stays on so the Content Manager list view can filter on the stage; the
// document middleware drops any attempt to write them through the Content Manager or REST.
const common = {
  configurable: false,
  visible: false,
  writable: true,
  private: true,
  pluginOptions: { i18n: { localized: true } },
} as const;

export const workflowAttributes = {
  [FIELDS.stage]: { ...common, type: 'enumeration', enum: [...STAGES], default: 'draft' },
  [FIELDS.publishAt]: { ...common, type: 'datetime' },
  [FIELDS.unpublishAt]: { ...common, type: 'datetime' },
  [FIELDS.timezone]: { ...common, type: 'string' },
  [FIELDS.embargoUntil]: { ...common, type: 'datetime' },
  // A foreign key on the entry's own row, like createdBy: no join table to keep in step.
  [FIELDS.assignee]: { ...common, type: 'relation', relation: 'oneToOne', target: 'admin::user', useJoinTable: false },
};
