import { Typography } from '@strapi/design-system';
import { STAGES, isStage } from '../../../shared/contracts/workflow';
import { t } from '../pluginId';
import { StageBadge } from './StageBadge';

/** Content types the workflow covers, loaded when the admin starts (see index.ts) or on first need. */
export const covered = { contentTypes: new Set<string>(), loaded: false, load: () => {} };

/** The content type of the list view being shown, read from the URL the Content Manager uses. */
const currentModel = (): string | null => {
  const match = /\/content-manager\/collection-types\/([^/?#]+)/u.exec(window.location.pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
};
const isCovered = () => {
  if (!covered.loaded) covered.load();
  const model = currentModel();
  return model !== null && covered.contentTypes.has(model);
};

interface HookArgs<K extends string> {
  layout: unknown;
  displayedHeaders?: unknown[];
  displayedFilters?: unknown[];
  key?: K;
}

/** A "Stage" column in the list view; the row carries the stage (the Content Manager returns hidden fields). */
export const addStageColumn = ({ displayedHeaders = [], layout }: HookArgs<'headers'>) => {
  if (!isCovered()) return { displayedHeaders, layout };
  return {
    layout,
    // Right after the title, where the desk looks first (the attribution column follows it).
    displayedHeaders: [
      ...displayedHeaders.slice(0, 1),
      {
        name: 'editorialStage',
        label: { id: t('list.stage'), defaultMessage: 'Stage' },
        searchable: false,
        sortable: true,
        attribute: { type: 'custom' },
        cellFormatter: (row: { editorialStage?: unknown }) =>
          isStage(row.editorialStage) ? <StageBadge stage={row.editorialStage} /> : <Typography textColor="neutral500">-</Typography>,
      },
      ...displayedHeaders.slice(1),
    ],
  };
};

/** A stage filter in the list view (`filters[$and][0][editorialStage][$eq]=approved`). */
export const addStageFilter = ({ displayedFilters = [], layout }: HookArgs<'filters'>) => {
  if (!isCovered()) return { displayedFilters, layout };
  return {
    layout,
    displayedFilters: [
      ...displayedFilters,
      {
        name: 'editorialStage',
        label: { id: t('list.stage'), defaultMessage: 'Stage' },
        type: 'enumeration',
        options: STAGES.map((stage) => ({ label: { id: t(`stage.${stage}`), defaultMessage: stage }, value: stage })),
      },
    ],
  };
};
