import * as React from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { DesignSystemProvider } from '@strapi/design-system';
import { IntlProvider } from 'react-intl';
import en from '../translations/en.json';
import zh from '../translations/zh.json';
import zhHans from '../translations/zh-Hans.json';
import { prefixPluginTranslations } from '../utils/translations';

const MESSAGES: Record<string, Record<string, string>> = { en, zh, 'zh-Hans': zhHans };

/** Renders with what the admin provides around a plugin component: its theme and the translations. */
export function renderInAdmin(ui: React.ReactElement, { locale = 'en' }: { locale?: string } = {}): RenderResult {
  return render(
    <IntlProvider locale={locale} messages={prefixPluginTranslations(MESSAGES[locale] ?? en)} defaultLocale="en">
      <DesignSystemProvider locale={locale}>{ui}</DesignSystemProvider>
    </IntlProvider>,
  );
}
