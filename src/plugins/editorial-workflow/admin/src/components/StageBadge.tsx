import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Stage } from '../../../shared/contracts/workflow';
import { t } from '../pluginId';

const COLORS: Record<Stage, { backgroundColor: string; textColor: string }> = {
  draft: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  'in-review': { backgroundColor: 'secondary100', textColor: 'secondary700' },
  'changes-requested': { backgroundColor: 'danger100', textColor: 'danger700' },
  approved: { backgroundColor: 'success100', textColor: 'success700' },
  scheduled: { backgroundColor: 'warning100', textColor: 'warning700' },
  published: { backgroundColor: 'primary100', textColor: 'primary700' },
};

export const StageLabel = ({ stage }: { stage: Stage }) => {
  const { formatMessage } = useIntl();
  return <>{formatMessage({ id: t(`stage.${stage}`), defaultMessage: stage })}</>;
};

export const StageBadge = ({ stage }: { stage: Stage }) => (
  // One line always: 已排程 or "Changes requested" must not break inside a narrow column.
  <Badge {...(COLORS[stage] ?? COLORS.draft)} style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
    <StageLabel stage={stage} />
  </Badge>
);
