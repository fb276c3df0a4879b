import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DesignSystemProvider } from '@strapi/design-system';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router-dom';
import en from '../translations/en.json';
import zhHans from '../translations/zh-Hans.json';
import type { ImportReportView } from './types';

const post = jest.fn();
jest.mock('@strapi/strapi/admin', () => ({
  useFetchClient: () => ({ post }),
  Page: { Main: ({ children }: { children: React.ReactNode }) => <main>{children}</main>, Title: () => null },
  Layouts: {
    Header: ({ title }: { title: string }) => <h1>{title}</h1>,
    Content: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
  },
}));

import ImportPage from './ImportPage';

const report: ImportReportView = {
  dryRun: false,
  locale: 'zh-Hant',
  encoding: null,
  title: '垂直大模型',
  paragraphs: 12,
  bylineLine: '文|正見 TrueView,作者|koorvoa,編輯|TV.',
  boilerplate: [],
  outlet: { name: '正見 TrueView', record: { documentId: 'src1', name: '正見 TrueView' }, proposal: null },
  authors: [
    { name: 'koorvoa', record: null, proposal: { name: 'koorvoa' } },
    { name: '李大華', record: { documentId: 'au2', name: '李大華' }, proposal: null },
  ],
  editor: null,
  republisher: null,
  photoCredit: { name: '中央社', record: { documentId: 'src2', name: '中央社' } },
  quotes: [{ text: '模型要懂行業', speaker: '王小明', speakerTitle: '執行長', speakerOrg: null }],
  undecided: ['Editor: the byline names none.'],
  created: { article: 'art123', sources: [], authors: ['au1'], pullQuotes: ['pq1'] },
  findings: [
    {
      rule: 'byline.editor-required',
      severity: 'error',
      path: 'editor',
      message: { en: 'The article names no editor.', 'zh-Hant': '文章沒有編輯。' },
    },
  ],
};

const renderPage = (locale: 'en' | 'zh-Hans' = 'en') =>
  render(
    <IntlProvider locale={locale} messages={locale === 'en' ? en : zhHans} defaultLocale="en">
      <DesignSystemProvider locale={locale}>
        <MemoryRouter>
          <ImportPage />
        </MemoryRouter>
      </DesignSystemProvider>
    </IntlProvider>,
  );

describe('the import page', () => {
  beforeEach(() => post.mockReset());

  it('takes a file through the styled picker, shows its name, sends it, and can take it back', async () => {
    post.mockResolvedValue({ data: { data: report } });
    renderPage();
    expect(screen.getByText('No file chosen')).toBeInTheDocument();
    const file = new File(['垂直大模型\n文|正見 TrueView'], 'story.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Story file (.txt)'), { target: { files: [file] } });
    expect(screen.getByTestId('import-file-chosen')).toHaveTextContent('story.txt');
    expect(screen.getByRole('button', { name: 'Choose another file' })).toBeInTheDocument();
    // With a file chosen, the paste box is disabled: one source at a time.
    expect(screen.getByLabelText('Or paste the story')).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    expect((post.mock.calls[0][1] as FormData).get('file')).toBeInstanceOf(File);

    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.getByText('No file chosen')).toBeInTheDocument();
    expect(screen.getByLabelText('Or paste the story')).not.toBeDisabled();
  });

  it('sends the pasted text and shows the report with a link to the draft', async () => {
    post.mockResolvedValue({ data: { data: report } });
    renderPage();
    fireEvent.change(screen.getByLabelText('Or paste the story'), { target: { value: '垂直大模型\n文|正見 TrueView' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByTestId('import-report')).toBeInTheDocument();
    const [url, body] = post.mock.calls[0];
    expect(url).toBe('/newsroom/import');
    expect((body as FormData).get('text')).toBe('垂直大模型\n文|正見 TrueView');
    expect((body as FormData).get('locale')).toBe('zh-Hant');
    expect((body as FormData).get('dryRun')).toBe('false');

    expect(screen.getByText('Imported “垂直大模型”')).toBeInTheDocument();
    expect(screen.getByTestId('import-outlet')).toHaveTextContent('正見 TrueView (existing record)');
    expect(screen.getByTestId('import-authors')).toHaveTextContent('koorvoa (new draft record)、李大華 (existing record)');
    expect(screen.getByTestId('import-editor')).toHaveTextContent('not found');
    expect(screen.getByTestId('import-photoCredit')).toHaveTextContent('中央社 — 中央社 (existing record)');
    expect(screen.getByTestId('import-quote')).toHaveTextContent('模型要懂行業');
    expect(screen.getByTestId('import-quote')).toHaveTextContent('王小明, 執行長');
    expect(screen.getByTestId('import-undecided')).toHaveTextContent('Editor: the byline names none.');
    expect(screen.getByTestId('import-findings')).toHaveTextContent('The article names no editor.');
    expect(screen.getByTestId('import-draft-link')).toHaveAttribute(
      'href',
      expect.stringContaining('/content-manager/collection-types/api::article.article/art123'),
    );
  });

  it('says what could not be decided in the admin’s language, from the notes the server sends with its English sentences', async () => {
    const quote = '我們只好挨家挨戶去敲門,一戶一戶地說明這項補助的內容。';
    post.mockResolvedValue({
      data: {
        data: {
          ...report,
          notes: [
            { code: 'no-outlet' },
            { code: 'quote-without-speaker', quote, paragraph: 3 },
            { code: 'wen-read-as-writer', line: '文|张薇' },
          ],
          undecided: [
            'No outlet found (文|…, 來源:…, 本文来自…): pick the originating outlet.',
            `No speaker found for the quote …`,
            '“文|张薇” was read as the writer …',
          ],
        },
      },
    });
    renderPage('zh-Hans');
    fireEvent.change(screen.getByLabelText(zhHans['newsroom-import.text.label']), { target: { value: '北市老屋健檢補助' } });
    fireEvent.click(screen.getByRole('button', { name: zhHans['newsroom-import.submit'] }));
    const undecided = await screen.findByTestId('import-undecided');
    expect(undecided).toHaveTextContent('找不到来源媒体(文|…、来源:…、本文来自…):请选择原始媒体。');
    expect(undecided).toHaveTextContent('引语“我們只好挨家挨戶去敲門,一戶一戶地說明這項補助的內容。”(第 3 段)找不到说话人');
    expect(undecided).toHaveTextContent('“文|张薇”被读作作者');
    expect(undecided).not.toHaveTextContent('No outlet found');
  });

  it('shows the server’s error message', async () => {
    post.mockRejectedValue({ message: 'Request failed', response: { data: { error: { status: 400, message: 'Unknown locale "fr".' } } } });
    renderPage();
    fireEvent.change(screen.getByLabelText('Or paste the story'), { target: { value: 'text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    await waitFor(() => expect(screen.getByTestId('import-error')).toHaveTextContent('Unknown locale "fr".'));
    expect(screen.queryByTestId('import-report')).not.toBeInTheDocument();
  });
});
