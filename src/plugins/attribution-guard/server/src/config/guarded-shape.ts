import { AUTHOR_UID, CREDITED_IMAGE_UID, PULL_QUOTE_UID, SOURCE_UID } from '../../../shared/constants';
import type { AttributeLike } from '../dependents/paths';

/**
 * What the guard reads from every type it checks. The rules work on one shape — a story with a
 * byline, an outlet, credited images and pull-quotes — so `contentTypes` may name any type of that
 * shape, and a type that lacks part of it stops start-up instead of being checked half-blind.
 */
type Expected =
  | { kind: 'text' }
  | { kind: 'blocks' }
  | { kind: 'relation'; target: string; many: boolean }
  | { kind: 'component'; component: string; repeatable: boolean };

const GUARDED_FIELDS: Readonly<Record<string, Expected>> = {
  title: { kind: 'text' },
  body: { kind: 'blocks' },
  originalUrl: { kind: 'text' },
  author: { kind: 'relation', target: AUTHOR_UID, many: false },
  coAuthors: { kind: 'relation', target: AUTHOR_UID, many: true },
  editor: { kind: 'relation', target: AUTHOR_UID, many: false },
  source: { kind: 'relation', target: SOURCE_UID, many: false },
  republisher: { kind: 'relation', target: SOURCE_UID, many: false },
  pullQuotes: { kind: 'relation', target: PULL_QUOTE_UID, many: true },
  cover: { kind: 'component', component: CREDITED_IMAGE_UID, repeatable: false },
  gallery: { kind: 'component', component: CREDITED_IMAGE_UID, repeatable: true },
};

const TEXT_TYPES = new Set(['string', 'text']);
const isMany = (relation: string | undefined) => relation === 'oneToMany' || relation === 'manyToMany';

function describe(expected: Expected): string {
  switch (expected.kind) {
    case 'text':
      return 'a string or text field';
    case 'blocks':
      return 'a blocks field';
    case 'relation':
      return `a ${expected.many ? 'to-many' : 'to-one'} relation to ${expected.target}`;
    case 'component':
      return `a ${expected.repeatable ? 'repeatable ' : ''}${expected.component} component`;
  }
}

function fits(attribute: AttributeLike, expected: Expected): boolean {
  switch (expected.kind) {
    case 'text':
      return TEXT_TYPES.has(attribute.type ?? '');
    case 'blocks':
      return attribute.type === 'blocks';
    case 'relation':
      return attribute.type === 'relation' && attribute.target === expected.target && isMany(attribute.relation) === expected.many;
    case 'component':
      return (
        attribute.type === 'component' &&
        attribute.component === expected.component &&
        Boolean(attribute.repeatable) === expected.repeatable
      );
  }
}

/** Every way a content type's attributes miss the guarded shape, as sentences naming the field; empty when it fits. */
export function guardedShapeProblems(attributes: Readonly<Record<string, AttributeLike | undefined>>): string[] {
  return Object.entries(GUARDED_FIELDS).flatMap(([name, expected]) => {
    const attribute = attributes[name];
    if (!attribute) return [`it has no field "${name}" (${describe(expected)})`];
    return fits(attribute, expected) ? [] : [`its field "${name}" is not ${describe(expected)}`];
  });
}
