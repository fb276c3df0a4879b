import { getFetchClient, type StrapiApp } from '@strapi/strapi/admin';
import type { DocumentActionComponent, PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Clock } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { WorkflowPanel } from './components/WorkflowPanel';
import { createConfirmUnpublishAction } from './components/ConfirmUnpublishAction';
import { addStageColumn, addStageFilter, covered } from './components/ListView';

type TranslationModule = { default: Record<string, string> };
const translations: Record<string, () => Promise<TranslationModule>> = {
  en: () => import('./translations/en.json'),
  zh: () => import('./translations/zh.json'),
  'zh-Hans': () => import('./translations/zh-Hans.json'),
};

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Clock,
      intlLabel: { id: `${PLUGIN_ID}.schedules.title`, defaultMessage: 'Schedules' },
      Component: () => import('./pages/SchedulesPage'),
      permissions: [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }],
    });
  },

  bootstrap(app: StrapiApp) {
    // Strapi types a plugin's apis as a plain object; these are the two the panel and the action use.
    const apis = app.getPlugin('content-manager').apis as unknown as {
      addEditViewSidePanel: (panels: PanelComponent[]) => void;
      addDocumentAction: (actions: (actions: DocumentActionComponent[]) => DocumentActionComponent[]) => void;
    };
    apis.addEditViewSidePanel([WorkflowPanel]);
    apis.addDocumentAction((actions) =>
      actions.map((action) => (action.type === 'unpublish' ? createConfirmUnpublishAction(action) : action)),
    );
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addStageColumn);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', addStageFilter);
    // Which content types have stages decides where the column and filter appear. Loaded now, and
    // again on first need if the admin started before anyone logged in.
    let loading = false;
    covered.load = () => {
      if (loading || covered.loaded) return;
      loading = true;
      getFetchClient()
        .get<{ data: { contentTypes: string[] } }>(`/${PLUGIN_ID}/config`)
        .then((res) => {
          covered.contentTypes = new Set(res.data.data.contentTypes);
          covered.loaded = true;
        })
        .catch(() => {
          // Not logged in yet, or no workflow read permission: no stage column for now.
        })
        .finally(() => {
          loading = false;
        });
    };
    covered.load();
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = translations[locale];
        if (!load) return { data: {}, locale };
        const { default: data } = await load();
        return { data: Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value])), locale };
      }),
    );
  },
};
