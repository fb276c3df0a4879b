import type { StrapiApp } from '@strapi/strapi/admin';
import type { DocumentActionComponent, ListFieldLayout, ListLayout, PanelComponent } from '@strapi/content-manager/strapi-admin';
import { PERMISSIONS, PLUGIN_ID } from './pluginId';
import { AttributionPanel } from './components/AttributionPanel';
import { createGuardedPublishAction } from './components/GuardedPublishAction';
import { checkStateColumn } from './components/check-state-column';
import { getTrad, prefixPluginTranslations } from './utils/translations';

interface ContentManagerApis {
  addEditViewSidePanel: (panels: PanelComponent[] | ((panels: PanelComponent[]) => PanelComponent[])) => void;
  addDocumentAction: (actions: (actions: DocumentActionComponent[]) => DocumentActionComponent[]) => void;
}

/** Translation files per admin locale code (`zh` is 繁體, `zh-Hans` 简体). */
const TRANSLATIONS: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  en: () => import('./translations/en.json'),
  zh: () => import('./translations/zh.json'),
  'zh-Hans': () => import('./translations/zh-Hans.json'),
};

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.registerHook(
      'Admin/CM/pages/ListView/inject-column-in-table',
      ({ displayedHeaders, layout }: { displayedHeaders: ListFieldLayout[]; layout: ListLayout }) => ({
        // After the title: whether a story is ready matters more than the columns that follow.
        displayedHeaders: (layout.options as Record<string, unknown> | undefined)?.[PLUGIN_ID]
          ? [...displayedHeaders.slice(0, 1), checkStateColumn, ...displayedHeaders.slice(1)]
          : displayedHeaders,
        layout,
      }),
    );
    app.addSettingsLink(
      { id: PLUGIN_ID, intlLabel: { id: getTrad('plugin.name'), defaultMessage: 'Attribution guard' } },
      {
        id: `${PLUGIN_ID}-settings`,
        intlLabel: { id: getTrad('settings.link'), defaultMessage: 'Rules and credits' },
        to: PLUGIN_ID,
        permissions: PERMISSIONS.settingsRead,
        Component: () => import('./pages/SettingsPage'),
      },
    );
  },

  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    apis.addEditViewSidePanel([AttributionPanel]);
    // Strapi's Publish stays, wrapped: the guard speaks first on guarded types, and nowhere else.
    apis.addDocumentAction((actions) => actions.map((action) => (action.type === 'publish' ? createGuardedPublishAction(action) : action)));
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = TRANSLATIONS[locale];
        if (!load) return { data: {}, locale };
        const { default: data } = await load();
        return { data: prefixPluginTranslations(data), locale };
      }),
    );
  },
};
