import * as React from 'react';
import { Badge, Box, Button, Field, Flex, TextButton, Textarea, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { QuotePreview } from '../../../shared/contracts/admin-api';
import { getTrad } from '../utils/translations';

export interface QuoteSave {
  text: string;
  /** Publish the pull-quote too: an article may link only published quotes. */
  publish: boolean;
}

interface QuoteListProps {
  quotes: QuotePreview[];
  /** Absent when the user may not edit pull-quotes. */
  onSave?: (quote: QuotePreview, change: QuoteSave) => Promise<void>;
  canPublish: boolean;
  onJump?: (path: string) => void;
}

interface QuoteEditorProps {
  quote: QuotePreview;
  canPublish: boolean;
  onSave: (quote: QuotePreview, change: QuoteSave) => Promise<void>;
  onCancel: () => void;
}

const QuoteEditor = ({ quote, canPublish, onSave, onCancel }: QuoteEditorProps) => {
  const { formatMessage } = useIntl();
  const [text, setText] = React.useState(quote.text);
  const [saving, setSaving] = React.useState<'save' | 'publish' | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const save = async (publish: boolean) => {
    setSaving(publish ? 'publish' : 'save');
    setError(null);
    try {
      await onSave(quote, { text: text.trim(), publish });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Box data-testid="ag-quote-editor" paddingTop={2}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        {quote.closest && quote.closest !== text.trim() ? (
          <Box data-testid="ag-quote-closest" background="neutral100" padding={3} hasRadius>
            <Flex direction="column" alignItems="flex-start" gap={2}>
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({ id: getTrad('quote.closest'), defaultMessage: 'Closest sentence in the body' })}
              </Typography>
              <Typography variant="omega" textColor="neutral800">
                {quote.closest}
              </Typography>
              <Button type="button" size="S" variant="secondary" onClick={() => setText(quote.closest ?? text)}>
                {formatMessage({ id: getTrad('quote.useClosest'), defaultMessage: 'Use this sentence' })}
              </Button>
            </Flex>
          </Box>
        ) : null}
        <Field.Root name="ag-quote-text" error={error ?? undefined}>
          <Field.Label>
            {formatMessage({ id: getTrad('quote.label'), defaultMessage: 'Quote text, word for word from the body' })}
          </Field.Label>
          <Textarea value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
          <Field.Error />
        </Field.Root>
        <Flex gap={2} wrap="wrap">
          {canPublish ? (
            <Button
              type="button"
              onClick={() => void save(true)}
              loading={saving === 'publish'}
              disabled={saving !== null || text.trim() === ''}
            >
              {formatMessage({ id: getTrad('quote.saveAndPublish'), defaultMessage: 'Save and publish quote' })}
            </Button>
          ) : null}
          <Button
            type="button"
            variant="secondary"
            onClick={() => void save(false)}
            loading={saving === 'save'}
            disabled={saving !== null || text.trim() === ''}
          >
            {formatMessage({ id: getTrad('quote.save'), defaultMessage: 'Save' })}
          </Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {formatMessage({ id: getTrad('credit.cancel'), defaultMessage: 'Cancel' })}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

/** The article's pull-quotes: whether each is in the body word for word and published, editable in place. */
export const QuoteList = ({ quotes, onSave, canPublish }: QuoteListProps) => {
  const { formatMessage } = useIntl();
  const [editing, setEditing] = React.useState<string | null>(null);
  if (quotes.length === 0) return null;

  return (
    <Box data-testid="ag-quotes">
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {formatMessage({ id: getTrad('panel.quotes'), defaultMessage: 'Pull-quotes ({count})' }, { count: quotes.length })}
      </Typography>
      <Box tag="ul">
        {quotes.map((quote) => {
          const verbatim = !quote.findings.some((f) => f.rule === 'pull-quote.verbatim');
          const editable = onSave !== undefined && quote.documentId !== null;
          return (
            <Box
              tag="li"
              key={quote.path}
              data-testid="ag-quote"
              data-path={quote.path}
              paddingTop={3}
              paddingBottom={3}
              borderColor="neutral150"
              borderStyle="solid"
              borderWidth="0 0 1px 0"
            >
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography variant="pi" fontWeight="bold" textColor="neutral800">
                  {quote.speaker ?? '—'}
                </Typography>
                <Typography variant="pi" textColor="neutral700">
                  {quote.text}
                </Typography>
                <Flex gap={1} wrap="wrap">
                  {verbatim ? (
                    <Badge variant="success" size="S">
                      {formatMessage({ id: getTrad('quote.ok'), defaultMessage: 'Matches the text' })}
                    </Badge>
                  ) : (
                    <Badge variant="danger" size="S">
                      {formatMessage({ id: getTrad('quote.notVerbatim'), defaultMessage: 'Not word for word' })}
                    </Badge>
                  )}
                  {/* A draft quote is published with the story, in the same step: nothing for the editor to do. */}
                  {quote.published ? null : (
                    <Badge variant="secondary" size="S">
                      {formatMessage({ id: getTrad('quote.withStory'), defaultMessage: 'Publishes with the story' })}
                    </Badge>
                  )}
                </Flex>
                {editable && editing !== quote.path ? (
                  <TextButton startIcon={<Pencil />} onClick={() => setEditing(quote.path)}>
                    {formatMessage({ id: getTrad('quote.edit'), defaultMessage: 'Edit quote' })}
                  </TextButton>
                ) : null}
              </Flex>
              {/* What is wrong with it is listed once, under "Must fix" above; here only its state. */}
              {editable && editing === quote.path ? (
                <QuoteEditor
                  quote={quote}
                  canPublish={canPublish}
                  onCancel={() => setEditing(null)}
                  onSave={async (q, change) => {
                    await onSave(q, change);
                    setEditing(null);
                  }}
                />
              ) : null}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
};
