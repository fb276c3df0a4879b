import type * as React from 'react';
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';

/**
 * Wraps the Content Manager's Unpublish: it asks first. When the draft has changes Strapi already
 * shows its own dialog (keep or discard the draft), and that one stays.
 */
export function createConfirmUnpublishAction(base: DocumentActionComponent): DocumentActionComponent {
  const ConfirmUnpublishAction: DocumentActionComponent = (props: DocumentActionProps) => {
    const description = base(props);
    const { formatMessage } = useIntl();
    if (!description || description.dialog) return description;
    const confirmed: DocumentActionDescription = {
      ...description,
      // Falsy: the button opens the dialog below, whose confirmation runs Strapi's own unpublish.
      onClick: () => false,
      dialog: {
        type: 'dialog',
        title: formatMessage({ id: t('unpublish.title.short'), defaultMessage: 'Unpublish this story?' }),
        content: formatMessage({ id: t('unpublish.body'), defaultMessage: 'This takes the story off the site and the API.' }),
        variant: 'danger',
        bodyIcon: 'danger',
        confirmLabel: formatMessage({ id: t('unpublish.confirm'), defaultMessage: 'Unpublish' }),
        onConfirm: async () => {
          // Strapi's unpublish reads nothing from the event.
          await description.onClick?.(undefined as unknown as React.SyntheticEvent);
        },
      },
    };
    return confirmed;
  };
  ConfirmUnpublishAction.type = 'unpublish';
  ConfirmUnpublishAction.position = base.position;
  return ConfirmUnpublishAction;
}
