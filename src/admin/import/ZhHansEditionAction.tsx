import { useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { ARTICLE_UID, errorMessage, t } from './types';

interface EditionResult {
  documentId: string;
  created: boolean;
  pullQuotes: number;
  notes: string[];
}

/** On a saved zh-Hant article: create or refresh its machine-converted zh-Hans draft (`POST /newsroom/zh-hans-edition`). */
export const ZhHansEditionAction: DocumentActionComponent = ({ model, documentId }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale ?? 'zh-Hant';
  if (model !== ARTICLE_UID || !documentId || locale !== 'zh-Hant') return null;
  return {
    label: formatMessage({ id: t('zhHans.action'), defaultMessage: 'Create/refresh Simplified Chinese edition' }),
    position: 'header',
    onClick: async () => {
      try {
        const res = await post<{ data: EditionResult }>('/newsroom/zh-hans-edition', { documentId });
        const result = res.data.data;
        const message = result.created
          ? formatMessage({ id: t('zhHans.created'), defaultMessage: 'Simplified Chinese draft created; review it before publishing.' })
          : formatMessage({ id: t('zhHans.refreshed'), defaultMessage: 'Simplified Chinese draft refreshed; review it before publishing.' });
        toggleNotification({ type: 'success', message: result.notes.length > 0 ? `${message} ${result.notes.join(' ')}` : message });
      } catch (err) {
        toggleNotification({ type: 'danger', message: errorMessage(err) });
      }
    },
  };
};
// No `type`: Strapi's typing reserves it for its own actions.
