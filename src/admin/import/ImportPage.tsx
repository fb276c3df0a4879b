import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextButton,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Cross, File as FileIcon } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { ARTICLE_UID, IMPORT_LOCALES, errorMessage, t, type FindingView, type ImportReportView, type MatchView } from './types';
import { noteLabel } from './note-text';

const matchLabel = (match: MatchView | null, formatMessage: ReturnType<typeof useIntl>['formatMessage']): string => {
  if (!match) return formatMessage({ id: t('report.notFound'), defaultMessage: 'not found' });
  if (match.record)
    return formatMessage({ id: t('report.existing'), defaultMessage: '{name} (existing record)' }, { name: match.record.name });
  if (match.proposal)
    return formatMessage({ id: t('report.new'), defaultMessage: '{name} (new draft record)' }, { name: match.proposal.name });
  return match.name;
};

/**
 * The design system has no file input; as in Strapi's own media library, the native input stays (for
 * the keyboard, screen readers and the file dialog) but is hidden behind a button, and the chosen file
 * is shown by name and size with a way to take it back.
 */
const StoryFilePicker = ({ file, onChange }: { file: File | null; onChange: (file: File | null) => void }) => {
  const { formatMessage, formatNumber } = useIntl();
  const input = React.useRef<HTMLInputElement>(null);
  const label = formatMessage({ id: t('file.label'), defaultMessage: 'Story file (.txt)' });
  const clear = () => {
    onChange(null);
    if (input.current) input.current.value = '';
  };
  return (
    <Flex gap={3} alignItems="center" wrap="wrap">
      <VisuallyHidden>
        <input
          ref={input}
          type="file"
          accept=".txt,text/plain"
          aria-label={label}
          onChange={(e) => onChange(e.target.files?.[0] ?? null)}
        />
      </VisuallyHidden>
      <Button type="button" variant="secondary" startIcon={<FileIcon />} onClick={() => input.current?.click()}>
        {file
          ? formatMessage({ id: t('file.change'), defaultMessage: 'Choose another file' })
          : formatMessage({ id: t('file.choose'), defaultMessage: 'Choose a file' })}
      </Button>
      {file ? (
        <Flex gap={2} alignItems="center" data-testid="import-file-chosen">
          <Typography variant="omega" fontWeight="semiBold">
            {file.name}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              { id: t('file.size'), defaultMessage: '{kb} KB' },
              { kb: formatNumber(file.size / 1024, { maximumFractionDigits: 1 }) },
            )}
          </Typography>
          <TextButton startIcon={<Cross />} onClick={clear}>
            {formatMessage({ id: t('file.remove'), defaultMessage: 'Remove' })}
          </TextButton>
        </Flex>
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: t('file.none'), defaultMessage: 'No file chosen' })}
        </Typography>
      )}
    </Flex>
  );
};

const findingText = (finding: FindingView, locale: string): string => {
  if (typeof finding.message === 'string') return finding.message;
  const key = locale === 'zh' ? 'zh-Hant' : locale;
  return finding.message[key] ?? finding.message.en ?? Object.values(finding.message)[0] ?? finding.rule;
};

/** What the import found, what it could not decide, the guard's findings and a link to the draft. */
export const ImportReport = ({ report }: { report: ImportReportView }) => {
  const { formatMessage, locale } = useIntl();
  const rows: Array<[string, string, string]> = [
    ['outlet', 'Outlet', matchLabel(report.outlet, formatMessage)],
    [
      'authors',
      'Authors',
      report.authors.length === 0 ? matchLabel(null, formatMessage) : report.authors.map((a) => matchLabel(a, formatMessage)).join('、'),
    ],
    ['editor', 'Editor', matchLabel(report.editor, formatMessage)],
    ['republisher', 'Republisher', matchLabel(report.republisher, formatMessage)],
    [
      'photoCredit',
      'Photo credit',
      report.photoCredit
        ? report.photoCredit.record
          ? `${report.photoCredit.name} — ${formatMessage({ id: t('report.existing'), defaultMessage: '{name} (existing record)' }, { name: report.photoCredit.record.name })}`
          : report.photoCredit.name
        : formatMessage({ id: t('report.notFound'), defaultMessage: 'not found' }),
    ],
  ];
  const articleId = report.created.article;
  // Each note in the admin's language; an answer without notes keeps its English sentences.
  const undecided =
    report.notes && report.notes.length === report.undecided.length
      ? report.notes.map((n) => noteLabel(n, formatMessage))
      : report.undecided;
  return (
    <Box data-testid="import-report" background="neutral0" padding={6} hasRadius shadow="tableShadow">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {report.dryRun
            ? formatMessage(
                { id: t('report.dryRunTitle'), defaultMessage: 'Dry run: “{title}” (nothing was created)' },
                { title: report.title },
              )
            : formatMessage({ id: t('report.title'), defaultMessage: 'Imported “{title}”' }, { title: report.title })}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: t('report.summary'), defaultMessage: '{paragraphs} paragraphs, locale {locale}' },
            { paragraphs: report.paragraphs, locale: report.locale },
          )}
        </Typography>
        <Box tag="dl">
          {rows.map(([key, label, value]) => (
            <Flex key={key} gap={2} data-testid={`import-${key}`}>
              <Typography tag="dt" fontWeight="bold">
                {formatMessage({ id: t(`report.${key}`), defaultMessage: label })}:
              </Typography>
              <Typography tag="dd">{value}</Typography>
            </Flex>
          ))}
        </Box>
        <Box>
          <Typography variant="sigma" tag="h3">
            {formatMessage({ id: t('report.quotes'), defaultMessage: 'Pull-quote candidates ({count})' }, { count: report.quotes.length })}
          </Typography>
          <Box tag="ul">
            {report.quotes.map((quote, i) => (
              <Box tag="li" key={i} data-testid="import-quote" paddingTop={1}>
                <Typography>「{quote.text}」</Typography>{' '}
                <Typography textColor="neutral600">
                  — {quote.speaker ?? formatMessage({ id: t('report.noSpeaker'), defaultMessage: 'speaker unknown' })}
                  {quote.speakerTitle ? `, ${quote.speakerTitle}` : ''}
                  {quote.speakerOrg ? `, ${quote.speakerOrg}` : ''}
                </Typography>
              </Box>
            ))}
          </Box>
        </Box>
        {undecided.length > 0 ? (
          <Box data-testid="import-undecided">
            <Typography variant="sigma" tag="h3">
              {formatMessage({ id: t('report.undecided'), defaultMessage: 'Could not be decided' })}
            </Typography>
            <Box tag="ul">
              {undecided.map((line, i) => (
                <Box tag="li" key={i}>
                  <Typography>{line}</Typography>
                </Box>
              ))}
            </Box>
          </Box>
        ) : null}
        <Box data-testid="import-findings">
          <Typography variant="sigma" tag="h3">
            {formatMessage({ id: t('report.findings'), defaultMessage: 'Attribution guard ({count})' }, { count: report.findings.length })}
          </Typography>
          <Box tag="ul">
            {report.findings.map((finding, i) => (
              <Box tag="li" key={`${finding.rule}:${i}`} paddingTop={1}>
                <Flex gap={2}>
                  <Badge variant={finding.severity === 'error' ? 'danger' : 'warning'} size="S">
                    {finding.severity}
                  </Badge>
                  <Typography>{findingText(finding, locale)}</Typography>
                </Flex>
              </Box>
            ))}
          </Box>
        </Box>
        {articleId ? (
          <Link
            data-testid="import-draft-link"
            tag={RouterLink}
            to={`/content-manager/collection-types/${ARTICLE_UID}/${articleId}?plugins[i18n][locale]=${report.locale}`}
          >
            {formatMessage({ id: t('report.openDraft'), defaultMessage: 'Open the draft' })}
          </Link>
        ) : null}
      </Flex>
    </Box>
  );
};

/** Upload a .txt or paste the story, pick the locale, optionally a dry run; then show the report. */
export const ImportForm = () => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const [file, setFile] = React.useState<File | null>(null);
  const [text, setText] = React.useState('');
  const [locale, setLocale] = React.useState<string>('zh-Hant');
  const [dryRun, setDryRun] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [report, setReport] = React.useState<ImportReportView | null>(null);

  const submit = async () => {
    if (!file && text.trim() === '') return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const body = new FormData();
      if (file) body.append('file', file);
      else body.append('text', text);
      body.append('locale', locale);
      body.append('dryRun', String(dryRun));
      const res = await post<{ data: ImportReportView }>('/newsroom/import', body);
      setReport(res.data.data);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Field.Root
            name="import-file"
            hint={formatMessage({ id: t('file.hint'), defaultMessage: 'A .txt file as the outlet sent it; any common Chinese encoding.' })}
          >
            <Field.Label>{formatMessage({ id: t('file.label'), defaultMessage: 'Story file (.txt)' })}</Field.Label>
            <StoryFilePicker file={file} onChange={setFile} />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="import-text">
            <Field.Label>{formatMessage({ id: t('text.label'), defaultMessage: 'Or paste the story' })}</Field.Label>
            <Textarea
              value={text}
              disabled={file !== null}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)}
            />
          </Field.Root>
          <Field.Root name="import-locale">
            <Field.Label>{formatMessage({ id: t('locale.label'), defaultMessage: 'Locale' })}</Field.Label>
            <SingleSelect value={locale} onChange={(value: string | number) => setLocale(String(value))}>
              {IMPORT_LOCALES.map((code) => (
                <SingleSelectOption key={code} value={code}>
                  {code}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Checkbox checked={dryRun} onCheckedChange={(checked: boolean | 'indeterminate') => setDryRun(checked === true)}>
            {formatMessage({ id: t('dryRun.label'), defaultMessage: 'Dry run (report only, create nothing)' })}
          </Checkbox>
          {error ? (
            <Typography data-testid="import-error" textColor="danger600" role="alert">
              {error}
            </Typography>
          ) : null}
          <Box>
            <Button type="button" onClick={() => void submit()} loading={busy} disabled={!file && text.trim() === ''}>
              {formatMessage({ id: t('submit'), defaultMessage: 'Import' })}
            </Button>
          </Box>
        </Flex>
      </Box>
      {report ? <ImportReport report={report} /> : null}
    </Flex>
  );
};

const ImportPage = () => {
  const { formatMessage } = useIntl();
  const title = formatMessage({ id: t('title'), defaultMessage: 'Import a story' });
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({ id: t('subtitle'), defaultMessage: 'Bring a syndicated story in as a draft article.' })}
      />
      <Layouts.Content>
        <ImportForm />
      </Layouts.Content>
    </Page.Main>
  );
};

export default ImportPage;
