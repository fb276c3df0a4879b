import * as React from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';

/** Every IANA zone the browser knows (Intl.supportedValuesOf), with the given zone kept when it is missing there. */
export function timeZones(current?: string): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = supported.includes('UTC') ? [...supported] : [...supported, 'UTC'];
  if (current && !zones.includes(current)) zones.push(current);
  return zones.sort();
}

/** A searchable list of IANA zones: type "Taipei" or "Asia/" to narrow it down. */
export const TimezonePicker = ({ value, onChange, disabled }: { value: string; onChange: (zone: string) => void; disabled?: boolean }) => {
  const { formatMessage } = useIntl();
  const zones = React.useMemo(() => timeZones(value), [value]);
  // The design system's Combobox takes its text from the value only when mounted, and the panel knows the
  // entry's zone only after loading it: the text follows the value, so the picker shows the zone in use.
  const [text, setText] = React.useState(value);
  React.useEffect(() => setText(value), [value]);
  return (
    <Field.Root name="timezone" hint={formatMessage({ id: t('panel.timezone.hint'), defaultMessage: 'Type a city or region to search.' })}>
      <Field.Label>{formatMessage({ id: t('panel.timezone'), defaultMessage: 'Time zone' })}</Field.Label>
      <Combobox
        value={value}
        textValue={text}
        onTextValueChange={setText}
        onChange={(zone?: string) => zone && onChange(zone)}
        autocomplete={{ type: 'list', filter: 'contains' }}
        disabled={disabled}
        aria-label={formatMessage({ id: t('panel.timezone'), defaultMessage: 'Time zone' })}
        data-testid="wf-timezone"
      >
        {zones.map((zone) => (
          <ComboboxOption key={zone} value={zone}>
            {zone}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Hint />
    </Field.Root>
  );
};
