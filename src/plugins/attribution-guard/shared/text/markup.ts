/**
 * Angle brackets, raw or entity-encoded at any depth (`<`, `&lt;`, `&amp;lt;`, `&#60;`, `&#x3c;`).
 * A credit is a name; it is shown by every front end that shows the photo, so one that could become
 * markup once decoded is refused rather than stored.
 */
const ANGLE = /[<>\uff1c\uff1e]|&(?:amp;)*(?:lt|gt|#0*(?:60|62)|#x0*(?:3c|3e))/iu;

export function containsMarkup(value: string): boolean {
  return ANGLE.test(value);
}
