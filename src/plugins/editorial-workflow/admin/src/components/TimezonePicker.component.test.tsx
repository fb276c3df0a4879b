import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { DesignSystemProvider } from '@strapi/design-system';
import { IntlProvider } from 'react-intl';
import { TimezonePicker } from './TimezonePicker';

// Typing and picking a zone needs pointer capture and IntersectionObserver, which jsdom lacks: the e2e walk does it in Chromium.
const Picker = ({ value }: { value: string }) => (
  <IntlProvider locale="en" messages={{}}>
    <DesignSystemProvider>
      <TimezonePicker value={value} onChange={() => undefined} />
    </DesignSystemProvider>
  </IntlProvider>
);

describe('TimezonePicker', () => {
  it('shows the zone it is given, also when the zone arrives after the first render', () => {
    const { rerender } = render(<Picker value="" />);
    const input = screen.getByRole('combobox', { name: 'Time zone' });
    expect((input as HTMLInputElement).value).toBe('');
    rerender(<Picker value="Asia/Shanghai" />);
    expect((input as HTMLInputElement).value).toBe('Asia/Shanghai');
    rerender(<Picker value="Europe/Berlin" />);
    expect((input as HTMLInputElement).value).toBe('Europe/Berlin');
  });
});
