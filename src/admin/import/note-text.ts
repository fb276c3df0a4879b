import type { useIntl } from 'react-intl';
import { noteText, quoteExcerpt, type ImportNote } from '../../import/notes';
import { t } from './types';

type FormatMessage = ReturnType<typeof useIntl>['formatMessage'];

/** The values a note's message takes (its text itself lives in the admin's translation table, `newsroom-import.note.<code>`). */
function noteValues(note: ImportNote): Record<string, string | number> {
  switch (note.code) {
    case 'title-from-first-sentence':
      return { title: note.title };
    case 'wen-read-as-outlet':
    case 'wen-read-as-writer':
      return { line: note.line };
    case 'english-outlet-guessed':
      return { outlet: note.outlet, line: note.line };
    case 'quote-without-speaker':
      return { quote: quoteExcerpt(note.quote), paragraph: note.paragraph };
    case 'unknown-agency':
      return { name: note.name };
    case 'slug-taken':
      return { locale: note.locale, slug: note.slug };
    default:
      return {};
  }
}

/** What the import could not decide, in the admin's language; the English sentence if a language lacks the message. */
export function noteLabel(note: ImportNote, formatMessage: FormatMessage): string {
  const id = t(`note.${note.code}`);
  const text = formatMessage({ id, defaultMessage: id }, noteValues(note));
  return text === id ? noteText(note) : text;
}
