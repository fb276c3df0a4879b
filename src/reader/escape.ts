/**
 * HTML escaping for the reader pages. Every value put into a page goes through `html`, which escapes
 * it unless it is already `SafeHtml`: markup can only come from this module's callers on purpose
 * (`trustedHtml`), never from a stored string by accident.
 */

import { escapeHtml } from '../delivery/render-blocks';

/** Text for an element's content or a quoted attribute value: the delivery's own escaping. */
export { escapeHtml };

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks markup produced elsewhere as safe to insert as it is (the sanitised body, the escaped JSON-LD). */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped; arrays are joined, and null, undefined and false print nothing. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}
