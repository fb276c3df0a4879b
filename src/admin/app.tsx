import type { StrapiApp } from '@strapi/strapi/admin';
import { Upload } from '@strapi/icons';
import en from './translations/en.json';
import zh from './translations/zh.json';
import zhHans from './translations/zh-Hans.json';
import { ZhHansEditionAction } from './import/ZhHansEditionAction';
import { AddCorrectionAction } from './corrections/AddCorrectionAction';

export default {
  config: {
    // Admin interface languages: English, 繁體中文 ('zh') and 简体中文 ('zh-Hans').
    locales: ['zh', 'zh-Hans'],
    translations: { en, zh, 'zh-Hans': zhHans },
  },
  register(app: StrapiApp) {
    // Story import: for editors who may create articles.
    app.addMenuLink({
      to: 'newsroom-import',
      icon: Upload,
      intlLabel: { id: 'newsroom-import.menu', defaultMessage: 'Import a story' },
      Component: () => import('./import/ImportPage'),
      permissions: [{ action: 'plugin::content-manager.explorer.create', subject: 'api::article.article' }],
    });
    // Failed webhook deliveries: shown to those who may read webhooks; the server lets Super Admins only.
    app.addSettingsLink('global', {
      id: 'newsroom-outbox',
      intlLabel: { id: 'newsroom-outbox.menu', defaultMessage: 'Webhook deliveries' },
      to: 'newsroom-outbox',
      permissions: [{ action: 'admin::webhooks.read', subject: null }],
      Component: () => import('./outbox/DeliveriesPage'),
    });
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as
      { apis?: { addDocumentAction?: (fn: (actions: unknown[]) => unknown[]) => void } } | undefined;
    contentManager?.apis?.addDocumentAction?.((actions) => [...actions, ZhHansEditionAction, AddCorrectionAction]);
  },
};
