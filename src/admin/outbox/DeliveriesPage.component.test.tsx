import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DesignSystemProvider } from '@strapi/design-system';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router-dom';
import en from '../translations/en.json';
import zh from '../translations/zh.json';
import type { DeliveriesAnswer } from '../../outbox/contract';

const get = jest.fn();
const post = jest.fn();
const toggleNotification = jest.fn();
jest.mock('@strapi/strapi/admin', () => ({
  useFetchClient: () => ({ get, post }),
  useNotification: () => ({ toggleNotification }),
  Page: { Main: ({ children }: { children: React.ReactNode }) => <main>{children}</main>, Title: () => null },
  Layouts: {
    Header: ({ title }: { title: string }) => <h1>{title}</h1>,
    Content: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
  },
}));

import DeliveriesPage from './DeliveriesPage';

const failing: DeliveriesAnswer = {
  data: [
    {
      id: 7,
      event: 'workflow.published',
      idempotencyKey: 'k7',
      status: 'failed',
      attempts: 12,
      lastStatus: 503,
      lastError: 'The receiver answered HTTP 503 Service Unavailable.',
      reason: { code: 'http-status', status: 503, statusText: 'Service Unavailable' },
      nextAttemptAt: null,
      createdAt: '2031-05-04T01:30:00.000Z',
      documentId: 'doc1',
      locale: 'zh-Hant',
      webhook: { id: 1, name: 'Front end', url: 'https://web.example.com/hooks' },
    },
    {
      id: 8,
      event: 'workflow.corrected',
      idempotencyKey: 'k8',
      status: 'pending',
      attempts: 2,
      lastStatus: null,
      lastError: 'The receiver did not answer within 10000 ms.',
      reason: { code: 'timeout', ms: 10000 },
      nextAttemptAt: '2031-05-04T01:31:00.000Z',
      createdAt: '2031-05-04T01:30:05.000Z',
      documentId: 'doc2',
      locale: 'en',
      webhook: { id: 2, name: null, url: null },
    },
  ],
  meta: { failed: 1, retrying: 1 },
};

const renderPage = (locale: 'en' | 'zh' = 'en') =>
  render(
    <IntlProvider locale={locale} messages={locale === 'en' ? en : zh} defaultLocale="en">
      <DesignSystemProvider locale={locale}>
        <MemoryRouter>
          <DeliveriesPage />
        </MemoryRouter>
      </DesignSystemProvider>
    </IntlProvider>,
  );

describe('the webhook deliveries page', () => {
  beforeEach(() => {
    get.mockReset();
    post.mockReset();
    toggleNotification.mockReset();
  });

  it('lists failed and retrying deliveries with their receiver and reason, and retries one', async () => {
    get
      .mockResolvedValueOnce({ data: failing })
      .mockResolvedValueOnce({ data: { data: [failing.data[1]], meta: { failed: 0, retrying: 1 } } });
    post.mockResolvedValue({ data: { data: null } });
    renderPage();
    expect(await screen.findByText('The receiver answered HTTP 503 Service Unavailable.')).toBeInTheDocument();
    expect(screen.getByText('1 delivery failed; 1 is being retried.')).toBeInTheDocument();
    expect(screen.getByText('https://web.example.com/hooks')).toBeInTheDocument();
    expect(screen.getByText('Deleted webhook')).toBeInTheDocument();
    expect(screen.getByText('12 attempts')).toBeInTheDocument();
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.getByText('Retrying')).toBeInTheDocument();
    expect(screen.getByText(/^Next attempt /)).toBeInTheDocument();

    fireEvent.click(screen.getAllByRole('button', { name: 'Retry now' })[0]!);
    await waitFor(() => expect(post).toHaveBeenCalledWith('/newsroom/outbox/deliveries/7/retry'));
    await waitFor(() => expect(screen.queryByText('The receiver answered HTTP 503 Service Unavailable.')).not.toBeInTheDocument());
    expect(toggleNotification).toHaveBeenCalledWith(expect.objectContaining({ type: 'success' }));
  });

  it('says so when everything was delivered, in Chinese too', async () => {
    get.mockResolvedValue({ data: { data: [], meta: { failed: 0, retrying: 0 } } });
    renderPage('zh');
    expect(await screen.findByText('所有 Webhook 事件都已送達。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Webhook 傳送紀錄' })).toBeInTheDocument();
  });

  it('gives each reason in the admin’s language', async () => {
    get.mockResolvedValue({ data: failing });
    renderPage('zh');
    expect(await screen.findByText('接收端回應 HTTP 503 Service Unavailable。')).toBeInTheDocument();
    expect(screen.getByText('接收端在 10 秒內沒有回應。')).toBeInTheDocument();
    expect(screen.queryByText('The receiver answered HTTP 503 Service Unavailable.')).not.toBeInTheDocument();
  });

  it('says in the admin’s language that the page is for Super Admins when the server refuses with 403', async () => {
    get.mockRejectedValue({
      status: 403,
      response: { status: 403, data: { error: { message: 'Only a Super Admin may see and retry webhook deliveries.' } } },
    });
    renderPage('zh');
    expect(await screen.findByText('只有超級管理員可以查看並重試 Webhook 傳送。')).toBeInTheDocument();
  });

  it('shows the server’s refusal to anyone but a Super Admin', async () => {
    get.mockRejectedValue({ response: { data: { error: { message: 'Only a Super Admin may see and retry webhook deliveries.' } } } });
    renderPage();
    expect(await screen.findByText('Only a Super Admin may see and retry webhook deliveries.')).toBeInTheDocument();
  });
});
