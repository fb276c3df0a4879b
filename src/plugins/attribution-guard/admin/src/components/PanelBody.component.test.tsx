import { fireEvent, screen, within } from '@testing-library/react';
import type { Finding, RuleId } from '../../../shared/contracts/findings';
import type { CheckResponse } from '../../../shared/contracts/admin-api';
import { renderInAdmin } from '../test-utils/render';
import { PanelBody } from './PanelBody';

const message = (en: string, hant: string, hans: string) => ({ en, 'zh-Hant': hant, 'zh-Hans': hans });

function finding(rule: RuleId, severity: 'error' | 'warning', path: string, n = 0): Finding {
  return { rule, severity, path, message: message(`${rule} problem ${n}`, `${rule} 問題 ${n}`, `${rule} 问题 ${n}`) };
}

function response(findings: Finding[], overrides: Partial<CheckResponse> = {}): CheckResponse {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    ok: errors === 0,
    errors,
    warnings: findings.length - errors,
    findings,
    title: '垂直大模型的數據鴻溝(草稿)',
    overridable: false,
    preview: {
      byline: { text: '文|正見 TrueView,作者|koorvoa,編輯|TV.', missing: [] },
      images: [],
      pullQuotes: [],
      draftLinks: 0,
    },
    gates: { reasons: [], status: null },
    ...overrides,
  };
}

const noop = () => undefined;

describe('the attribution side panel', () => {
  it('shows a clear "ready to publish" state, with the byline readers will see, when there is nothing to fix', () => {
    renderInAdmin(<PanelBody status="ready" result={response([])} error={null} onRetry={noop} />);
    const panel = screen.getByTestId('ag-panel');
    expect(panel).toHaveAttribute('data-state', 'ready');
    expect(within(panel).getByText('Ready to publish')).toBeInTheDocument();
    expect(within(panel).getByText('No attribution problems found.')).toBeInTheDocument();
    expect(within(panel).getByTestId('ag-byline-text')).toHaveTextContent('文|正見 TrueView,作者|koorvoa,編輯|TV.');
    expect(within(panel).getByText('This article shows no images.')).toBeInTheDocument();
    expect(within(panel).queryByTestId('ag-errors')).not.toBeInTheDocument();
    expect(within(panel).queryByTestId('ag-warnings')).not.toBeInTheDocument();
  });

  it('says what the byline still lacks when the article names no one yet', () => {
    const empty = response([finding('byline.author-required', 'error', 'author')], {
      preview: { byline: { text: null, missing: ['outlet', 'author', 'editor'] }, images: [], pullQuotes: [], draftLinks: 0 },
    });
    renderInAdmin(<PanelBody status="ready" result={empty} error={null} onRetry={noop} />);
    expect(screen.getByText('No byline yet')).toBeInTheDocument();
    expect(screen.getByText('Not named yet: outlet, author, and editor')).toBeInTheDocument();
  });

  it('shows that it is checking before the first result arrives', () => {
    renderInAdmin(<PanelBody status="loading" result={null} error={null} onRetry={noop} />);
    const panel = screen.getByTestId('ag-panel');
    expect(panel).toHaveAttribute('data-state', 'loading');
    expect(within(panel).getAllByText('Checking attribution…').length).toBeGreaterThan(0);
    expect(within(panel).queryByText('Ready to publish')).not.toBeInTheDocument();
  });

  it('keeps the last result while a newer check runs, and says it is updating', () => {
    renderInAdmin(<PanelBody status="loading" result={response([])} error={null} refreshing onRetry={noop} />);
    expect(screen.getByText('Ready to publish')).toBeInTheDocument();
    expect(screen.getByTestId('ag-refreshing')).toHaveTextContent('Updating…');
  });

  it('shows the server’s error and lets the editor try again', () => {
    const onRetry = jest.fn();
    renderInAdmin(<PanelBody status="error" result={null} error="Policy Failed" onRetry={onRetry} />);
    const panel = screen.getByTestId('ag-panel');
    expect(panel).toHaveAttribute('data-state', 'error');
    expect(within(panel).getByRole('alert')).toHaveTextContent('The checks could not run: Policy Failed');
    fireEvent.click(within(panel).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('keeps showing the last findings when a later check fails', () => {
    renderInAdmin(
      <PanelBody status="error" result={response([finding('outlet.required', 'error', 'source')])} error="Network Error" onRetry={noop} />,
    );
    expect(within(screen.getByTestId('ag-panel')).getByRole('alert')).toHaveTextContent('The checks could not run: Network Error');
    expect(screen.getByText('outlet.required problem 0')).toBeInTheDocument();
  });

  it('groups many findings by severity, names each field and jumps to it', () => {
    const errors = Array.from({ length: 18 }, (_, i) => finding('image.credit-required', 'error', `gallery.${i}.credit`, i));
    const warnings = Array.from({ length: 7 }, (_, i) => finding('image.agency-known', 'warning', `gallery.${i}.agency`, i));
    const onJump = jest.fn();
    renderInAdmin(<PanelBody status="ready" result={response([...errors, ...warnings])} error={null} onRetry={noop} onJump={onJump} />);

    const panel = screen.getByTestId('ag-panel');
    expect(panel).toHaveAttribute('data-state', 'blocked');
    expect(within(panel).getByText('18 problems to fix before publishing')).toBeInTheDocument();
    expect(within(panel).getByText('7 warnings worth a look')).toBeInTheDocument();

    const errorGroup = within(panel).getByTestId('ag-errors');
    const warningGroup = within(panel).getByTestId('ag-warnings');
    expect(within(errorGroup).getByText('Must fix (18)')).toBeInTheDocument();
    expect(within(warningGroup).getByText('Worth a look (7)')).toBeInTheDocument();
    expect(within(errorGroup).getAllByTestId('ag-finding')).toHaveLength(18);
    expect(within(warningGroup).getAllByTestId('ag-finding')).toHaveLength(7);
    expect(within(errorGroup).getByText('image.credit-required problem 17')).toBeInTheDocument();

    fireEvent.click(within(errorGroup).getByRole('button', { name: 'Go to Gallery #3 › Credit' }));
    expect(onJump).toHaveBeenCalledWith('gallery.2.credit');
  });

  it('lists every image with its credit status, and credits one in place', async () => {
    const cover = finding('image.credit-required', 'error', 'cover.credit');
    const result = response([cover], {
      preview: {
        byline: { text: 'x', missing: [] },
        images: [
          {
            path: 'cover',
            fileId: 2,
            name: 'draft-photo.jpg',
            url: '/uploads/a.jpg',
            thumbnailUrl: '/uploads/thumbnail_a.jpg',
            credit: null,
            creditOrigin: 'none',
            agency: null,
            photographer: null,
            license: null,
            rights: null,
            findings: [cover],
          },
          {
            path: 'body.4',
            fileId: 3,
            name: 'chart.png',
            url: '/uploads/b.png',
            thumbnailUrl: '/uploads/b.png',
            credit: '視覺中國',
            creditOrigin: 'file',
            agency: { documentId: 'vcg', name: '視覺中國' },
            photographer: null,
            license: 'agency',
            rights: null,
            findings: [],
          },
        ],
        pullQuotes: [],
        draftLinks: 0,
      },
    });
    const onSaveCredit = jest.fn().mockResolvedValue(undefined);
    renderInAdmin(
      <PanelBody
        status="ready"
        result={result}
        error={null}
        onRetry={noop}
        agencies={[{ documentId: 'vcg', name: '視覺中國' }]}
        onSaveCredit={onSaveCredit}
      />,
    );

    const images = screen.getAllByTestId('ag-image');
    expect(images).toHaveLength(2);
    expect(images[0]).toHaveAttribute('data-credited', 'false');
    expect(within(images[0]!).getByText('No credit')).toBeInTheDocument();
    expect(within(images[1]!).getByText('Credit: 視覺中國')).toBeInTheDocument();
    expect(within(images[1]!).getByText('stored with the media file')).toBeInTheDocument();

    fireEvent.click(within(images[0]!).getByRole('button', { name: 'Add credit' }));
    fireEvent.change(within(images[0]!).getByLabelText('Credit'), { target: { value: '視覺中國' } });
    fireEvent.click(within(images[0]!).getByRole('button', { name: 'Save credit' }));
    await screen.findByRole('button', { name: 'Add credit' });
    expect(onSaveCredit).toHaveBeenCalledWith(expect.objectContaining({ path: 'cover', fileId: 2 }), {
      credit: '視覺中國',
      agency: null,
      photographer: null,
      license: null,
    });
  });

  it('says when a stored credit was read from the photo’s own metadata', () => {
    const result = response([], {
      preview: {
        byline: { text: 'x', missing: [] },
        images: [
          {
            path: 'cover',
            fileId: 4,
            name: 'cna.jpg',
            url: '/uploads/c.jpg',
            thumbnailUrl: '/uploads/c.jpg',
            credit: '中央社',
            creditOrigin: 'file',
            storedCreditSource: 'file-metadata',
            agency: null,
            photographer: null,
            license: null,
            rights: null,
            findings: [],
          },
        ],
        pullQuotes: [],
        draftLinks: 0,
      },
    });
    renderInAdmin(<PanelBody status="ready" result={result} error={null} onRetry={noop} agencies={[]} />);
    const image = screen.getByTestId('ag-image');
    expect(within(image).getByText('read from the photo’s own metadata')).toBeInTheDocument();
    expect(within(image).queryByText('stored with the media file')).not.toBeInTheDocument();
  });

  it('shows the photographer, licence and the rights the file states', () => {
    const rights = {
      copyright: '©2010 Big Newspaper, all rights reserved',
      usageTerms: 'For consideration only',
      webStatement: 'http://www.bignewspaper.com/',
      licensor: 'Big Newspaper Group',
      licensorUrl: null,
    };
    const result = response([], {
      preview: {
        byline: { text: 'x', missing: [] },
        images: [
          {
            path: 'cover',
            fileId: 5,
            name: 'farm.jpg',
            url: '/uploads/f.jpg',
            thumbnailUrl: '/uploads/f.jpg',
            credit: 'Big Newspaper',
            creditOrigin: 'file',
            storedCreditSource: 'file-metadata',
            agency: null,
            photographer: 'John Doe',
            license: 'public-domain',
            rights,
            findings: [],
          },
          {
            path: 'gallery.0',
            fileId: 6,
            name: 'odd.jpg',
            url: '/uploads/o.jpg',
            thumbnailUrl: '/uploads/o.jpg',
            credit: 'X',
            creditOrigin: 'file',
            agency: null,
            photographer: null,
            license: null,
            rights: { ...rights, copyright: null, usageTerms: null, webStatement: 'javascript:alert(1)' },
            findings: [],
          },
        ],
        pullQuotes: [],
        draftLinks: 0,
      },
    });
    renderInAdmin(<PanelBody status="ready" result={result} error={null} onRetry={noop} agencies={[]} />);
    const [farm, odd] = screen.getAllByTestId('ag-image');
    expect(within(farm!).getByTestId('ag-image-photographer')).toHaveTextContent('Photographer: John Doe');
    expect(within(farm!).getByTestId('ag-image-license')).toHaveTextContent('Licence: Public domain');
    expect(within(farm!).getByTestId('ag-image-copyright')).toHaveTextContent('Copyright: ©2010 Big Newspaper, all rights reserved');
    expect(within(farm!).getByTestId('ag-image-usage-terms')).toHaveTextContent('Usage terms: For consideration only');
    expect(within(farm!).getByRole('link', { name: 'http://www.bignewspaper.com/' })).toHaveAttribute(
      'href',
      'http://www.bignewspaper.com/',
    );
    // A statement that is not a web address is shown as text, never as a link.
    expect(within(odd!).getByTestId('ag-image-web-statement')).toHaveTextContent('javascript:alert(1)');
    expect(within(odd!).queryByRole('link')).not.toBeInTheDocument();
    expect(within(odd!).queryByTestId('ag-image-photographer')).not.toBeInTheDocument();
  });

  it('shows the rule messages in the admin’s language', () => {
    renderInAdmin(
      <PanelBody status="ready" result={response([finding('outlet.required', 'error', 'source')])} error={null} onRetry={noop} />,
      { locale: 'zh' },
    );
    expect(screen.getByText('發布前須修正 1 個問題')).toBeInTheDocument();
    expect(screen.getByText('outlet.required 問題 0')).toBeInTheDocument();
    expect(screen.getByText('讀者看到的署名')).toBeInTheDocument();
  });
});
