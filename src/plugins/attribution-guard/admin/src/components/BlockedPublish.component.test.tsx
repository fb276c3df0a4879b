import { fireEvent, screen } from '@testing-library/react';
import type { Finding } from '../../../shared/contracts/findings';
import { renderInAdmin } from '../test-utils/render';
import { BlockedPublishBody } from './BlockedPublish';

const findings: Finding[] = [
  {
    rule: 'syndication.license-valid',
    severity: 'error',
    path: 'republisher',
    message: { en: 'No agreement in force.', 'zh-Hant': '沒有有效的轉載協議。', 'zh-Hans': '没有有效的转载协议。' },
  },
  {
    rule: 'image.agency-known',
    severity: 'warning',
    path: 'cover.credit',
    message: { en: 'Unknown agency.', 'zh-Hant': '未知的圖片社。', 'zh-Hans': '未知的图片社。' },
  },
];
const blocked = { title: '垂直大模型', findings, reasons: [], overridable: true };
const base = { blocked, reason: '', onReasonChange: () => undefined, overrideError: null };

describe('the blocked-publish dialog', () => {
  it('gives the guard’s message and the list of what to fix', () => {
    renderInAdmin(<BlockedPublishBody {...base} canOverride={false} unsaved={false} />);
    expect(screen.getByTestId('ag-blocked-message')).toHaveTextContent('Cannot publish “垂直大模型” yet: 1 thing stops it.');
    expect(screen.getByText('No agreement in force.')).toBeInTheDocument();
    expect(screen.getByText('Unknown agency.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Reason for publishing anyway')).not.toBeInTheDocument();
    expect(screen.getByText('Only editors with the override permission may publish past these.')).toBeInTheDocument();
  });

  it('asks an editor with the override permission for a reason', () => {
    const onReasonChange = jest.fn();
    renderInAdmin(<BlockedPublishBody {...base} onReasonChange={onReasonChange} canOverride unsaved={false} />);
    fireEvent.change(screen.getByLabelText('Reason for publishing anyway'), { target: { value: 'Agreement renewed by phone' } });
    expect(onReasonChange).toHaveBeenCalledWith('Agreement renewed by phone');
  });

  it('asks for a save first when the form has unsaved changes', () => {
    renderInAdmin(<BlockedPublishBody {...base} canOverride unsaved />);
    expect(screen.getByText('Save the draft first: “Publish anyway” publishes the saved draft.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Reason for publishing anyway')).not.toBeInTheDocument();
  });

  it('lists what the workflow still needs beside the findings, in one count', () => {
    const approval = {
      rule: 'workflow.approval-required',
      severity: 'error' as const,
      path: 'editorialStage',
      message: { en: 'Waiting for approval.', 'zh-Hant': '等待核准。', 'zh-Hans': '等待核准。' },
    };
    renderInAdmin(
      <BlockedPublishBody
        {...base}
        blocked={{ ...blocked, reasons: [approval], overridable: false }}
        canOverride={false}
        unsaved={false}
      />,
    );
    expect(screen.getByTestId('ag-blocked-message')).toHaveTextContent('Cannot publish “垂直大模型” yet: 2 things stop it.');
    expect(screen.getByTestId('ag-gate-reasons')).toHaveTextContent('Waiting for approval.');
    expect(screen.getByText('No agreement in force.')).toBeInTheDocument();
  });

  it('offers nothing more when an error may not be overridden', () => {
    renderInAdmin(<BlockedPublishBody {...base} blocked={{ ...blocked, overridable: false }} canOverride={false} unsaved={false} />);
    expect(screen.queryByText('Only editors with the override permission may publish past these.')).not.toBeInTheDocument();
  });
});
