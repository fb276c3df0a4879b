import * as React from 'react';
import { Badge, Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextButton, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { License } from '../../../shared/contracts/findings';
import type { ImagePreview, MediaCreditUpdate } from '../../../shared/contracts/admin-api';
import { creditRefusal } from '../utils/credit-error';
import { getTrad } from '../utils/translations';
import { useFieldLabel } from './FindingList';

export const LICENSES: License[] = ['owned', 'agency', 'editorial-only', 'cc-by', 'cc-by-sa', 'public-domain', 'handout'];

export interface AgencyOption {
  documentId: string;
  name: string;
}

interface ImageCreditFormProps {
  image: ImagePreview;
  agencies: AgencyOption[];
  onSave: (image: ImagePreview, credit: MediaCreditUpdate) => Promise<void>;
  onCancel: () => void;
}

const NONE = '__none__';

/** Credit, agency, photographer and licence for one media file; saved with the file so every article reuses it. */
export const ImageCreditForm = ({ image, agencies, onSave, onCancel }: ImageCreditFormProps) => {
  const { formatMessage } = useIntl();
  const [credit, setCredit] = React.useState(image.credit ?? '');
  const [agency, setAgency] = React.useState<string>(image.agency?.documentId ?? NONE);
  const [photographer, setPhotographer] = React.useState(image.photographer ?? '');
  const [license, setLicense] = React.useState<string>(image.license ?? NONE);
  const [error, setError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);

  // Picking an agency with the credit still empty fills the credit with the agency's name, the usual credit.
  const pickAgency = (value: string | number) => {
    const next = String(value);
    setAgency(next);
    const picked = agencies.find((a) => a.documentId === next);
    if (picked && credit.trim() === '') setCredit(picked.name);
    if (picked && license === NONE) setLicense('agency');
  };

  const submit = async () => {
    if (credit.trim() === '') return;
    setSaving(true);
    setError(null);
    try {
      await onSave(image, {
        credit: credit.trim(),
        agency: agency === NONE ? null : agency,
        photographer: photographer.trim() === '' ? null : photographer.trim(),
        license: license === NONE ? null : (license as License),
      });
    } catch (err) {
      const refusal = creditRefusal(err);
      setError(
        refusal
          ? formatMessage({ id: getTrad(refusal.id), defaultMessage: refusal.defaultMessage }, refusal.values)
          : err instanceof Error
            ? err.message
            : String(err),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    // A div, not a form: the panel sits inside the edit view's own form, and Enter must not save the article.
    <Box
      data-testid="ag-credit-form"
      paddingTop={2}
      onKeyDown={(e: React.KeyboardEvent) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Field.Root
          name="ag-credit"
          error={error ?? undefined}
          hint={formatMessage({
            id: getTrad('credit.hint'),
            defaultMessage: 'Saved with the media file, so every article that uses it is credited.',
          })}
        >
          <Field.Label>{formatMessage({ id: getTrad('credit.label'), defaultMessage: 'Credit' })}</Field.Label>
          <Field.Input value={credit} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCredit(e.target.value)} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        <Field.Root name="ag-agency">
          <Field.Label>{formatMessage({ id: getTrad('credit.agency'), defaultMessage: 'Agency' })}</Field.Label>
          <SingleSelect value={agency} onChange={pickAgency}>
            <SingleSelectOption value={NONE}>
              {formatMessage({ id: getTrad('credit.agency.none'), defaultMessage: 'No agency' })}
            </SingleSelectOption>
            {agencies.map((option) => (
              <SingleSelectOption key={option.documentId} value={option.documentId}>
                {option.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="ag-photographer">
          <Field.Label>{formatMessage({ id: getTrad('credit.photographer'), defaultMessage: 'Photographer' })}</Field.Label>
          <Field.Input value={photographer} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPhotographer(e.target.value)} />
        </Field.Root>
        <Field.Root name="ag-license">
          <Field.Label>{formatMessage({ id: getTrad('credit.license'), defaultMessage: 'Licence' })}</Field.Label>
          <SingleSelect value={license} onChange={(value: string | number) => setLicense(String(value))}>
            <SingleSelectOption value={NONE}>
              {formatMessage({ id: getTrad('credit.license.none'), defaultMessage: 'Not set' })}
            </SingleSelectOption>
            {LICENSES.map((value) => (
              <SingleSelectOption key={value} value={value}>
                {formatMessage({ id: getTrad(`license.${value}`), defaultMessage: value })}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Flex gap={2}>
          <Button type="button" onClick={() => void submit()} loading={saving} disabled={credit.trim() === ''}>
            {formatMessage({ id: getTrad('credit.save'), defaultMessage: 'Save credit' })}
          </Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {formatMessage({ id: getTrad('credit.cancel'), defaultMessage: 'Cancel' })}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

const isWebAddress = (value: string) => /^https?:\/\//iu.test(value);

/**
 * Who took the photo, under which licence, and what the file itself says about its rights (copyright,
 * usage terms, web statement), so the editor sees them before reusing it.
 */
const ImageRights = ({ image }: { image: ImagePreview }) => {
  const { formatMessage } = useIntl();
  const rights = image.rights ?? null;
  const line = (testId: string, text: React.ReactNode) => (
    <Typography key={testId} data-testid={testId} variant="pi" textColor="neutral600" style={{ overflowWrap: 'anywhere' }}>
      {text}
    </Typography>
  );
  const lines: React.ReactNode[] = [];
  if (image.photographer)
    lines.push(
      line(
        'ag-image-photographer',
        formatMessage(
          { id: getTrad('image.photographer'), defaultMessage: 'Photographer: {photographer}' },
          { photographer: image.photographer },
        ),
      ),
    );
  if (image.license) {
    const license = formatMessage({ id: getTrad(`license.${image.license}`), defaultMessage: image.license });
    lines.push(
      line('ag-image-license', formatMessage({ id: getTrad('image.license'), defaultMessage: 'Licence: {license}' }, { license })),
    );
  }
  if (rights?.copyright)
    lines.push(
      line(
        'ag-image-copyright',
        formatMessage({ id: getTrad('image.copyright'), defaultMessage: 'Copyright: {copyright}' }, { copyright: rights.copyright }),
      ),
    );
  if (rights?.usageTerms)
    lines.push(
      line(
        'ag-image-usage-terms',
        formatMessage({ id: getTrad('image.usageTerms'), defaultMessage: 'Usage terms: {terms}' }, { terms: rights.usageTerms }),
      ),
    );
  if (rights?.webStatement) {
    const url = isWebAddress(rights.webStatement) ? (
      <a href={rights.webStatement} target="_blank" rel="noopener noreferrer">
        {rights.webStatement}
      </a>
    ) : (
      rights.webStatement
    );
    lines.push(
      line(
        'ag-image-web-statement',
        formatMessage({ id: getTrad('image.webStatement'), defaultMessage: 'Rights statement: {url}' }, { url }),
      ),
    );
  }
  return lines.length > 0 ? <Box data-testid="ag-image-rights">{lines}</Box> : null;
};

interface ImageListProps {
  images: ImagePreview[];
  agencies: AgencyOption[];
  /** Absent when the user may not edit media files. */
  onSaveCredit?: (image: ImagePreview, credit: MediaCreditUpdate) => Promise<void>;
  onJump?: (path: string) => void;
}

/** Every image the article shows (cover, gallery, body), with a thumbnail and its credit status. */
export const ImageList = ({ images, agencies, onSaveCredit }: ImageListProps) => {
  const { formatMessage } = useIntl();
  const fieldLabel = useFieldLabel();
  const [editing, setEditing] = React.useState<string | null>(null);

  return (
    <Box data-testid="ag-images">
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {formatMessage({ id: getTrad('panel.images'), defaultMessage: 'Images ({count})' }, { count: images.length })}
      </Typography>
      {images.length === 0 ? (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {formatMessage({ id: getTrad('panel.images.none'), defaultMessage: 'This article shows no images.' })}
        </Typography>
      ) : null}
      <Box tag="ul">
        {images.map((image) => {
          const credited =
            image.credit !== null &&
            image.findings.every((f) => f.rule !== 'image.credit-required' && f.rule !== 'image.credit-placeholder');
          const canCredit = onSaveCredit !== undefined && image.fileId !== null;
          return (
            <Box
              tag="li"
              key={image.path}
              data-testid="ag-image"
              data-path={image.path}
              data-credited={credited}
              paddingTop={3}
              paddingBottom={3}
              borderColor="neutral150"
              borderStyle="solid"
              borderWidth="0 0 1px 0"
            >
              <Flex gap={3} alignItems="flex-start">
                {image.thumbnailUrl ? (
                  <img
                    src={image.thumbnailUrl}
                    alt={image.name ?? ''}
                    width={56}
                    height={56}
                    style={{ objectFit: 'cover', borderRadius: 4, flexShrink: 0 }}
                  />
                ) : (
                  <Box width="56px" height="56px" background="neutral150" hasRadius shrink={0} />
                )}
                <Flex direction="column" alignItems="flex-start" gap={1} minWidth={0}>
                  <Typography variant="pi" fontWeight="bold" textColor="neutral800" ellipsis>
                    {fieldLabel(image.path)}
                  </Typography>
                  {image.name ? (
                    <Typography variant="pi" textColor="neutral600" ellipsis>
                      {image.name}
                    </Typography>
                  ) : null}
                  {credited ? (
                    <Badge variant="success" size="S">
                      {formatMessage({ id: getTrad('image.credited'), defaultMessage: 'Credit: {credit}' }, { credit: image.credit })}
                    </Badge>
                  ) : (
                    <Badge variant="danger" size="S">
                      {formatMessage({ id: getTrad('image.noCredit'), defaultMessage: 'No credit' })}
                    </Badge>
                  )}
                  {credited && image.creditOrigin === 'file' ? (
                    <Typography variant="pi" textColor="neutral600">
                      {image.storedCreditSource === 'file-metadata'
                        ? formatMessage({ id: getTrad('image.fromFileMetadata'), defaultMessage: 'read from the photo’s own metadata' })
                        : formatMessage({ id: getTrad('image.fromFile'), defaultMessage: 'stored with the media file' })}
                    </Typography>
                  ) : null}
                  <ImageRights image={image} />
                  {canCredit && editing !== image.path ? (
                    <TextButton startIcon={<Pencil />} onClick={() => setEditing(image.path)}>
                      {credited
                        ? formatMessage({ id: getTrad('image.editCredit'), defaultMessage: 'Change credit' })
                        : formatMessage({ id: getTrad('image.addCredit'), defaultMessage: 'Add credit' })}
                    </TextButton>
                  ) : null}
                </Flex>
              </Flex>
              {/* What is wrong with it is listed once, under "Must fix" above; here only its state. */}
              {canCredit && editing === image.path ? (
                <ImageCreditForm
                  image={image}
                  agencies={agencies}
                  onCancel={() => setEditing(null)}
                  onSave={async (img, credit) => {
                    await onSaveCredit(img, credit);
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
