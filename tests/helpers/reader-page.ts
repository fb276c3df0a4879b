import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { appDir } from './database';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** A reader page as a browser parses it (parse5 follows the HTML standard's parsing algorithm). */
export class ParsedPage {
  readonly document: DefaultTreeAdapterMap['document'];
  constructor(readonly html: string) {
    this.document = parse(html);
  }

  all(predicate: (el: Element) => boolean): Element[] {
    const found: Element[] = [];
    const walk = (node: Node) => {
      if ('tagName' in node && predicate(node as Element)) found.push(node as Element);
      const children = (node as { childNodes?: Node[] }).childNodes ?? [];
      const content = (node as { content?: { childNodes?: Node[] } }).content?.childNodes ?? [];
      for (const child of [...children, ...content]) walk(child);
    };
    walk(this.document);
    return found;
  }

  byTag(tag: string): Element[] {
    return this.all((el) => el.tagName === tag);
  }

  /** `<meta property|name=…>` content values by key. */
  meta(key: string): string[] {
    return this.byTag('meta')
      .filter((m) => attr(m, 'property') === key || attr(m, 'name') === key)
      .map((m) => attr(m, 'content') ?? '');
  }

  links(rel: string): Element[] {
    return this.byTag('link').filter((l) => attr(l, 'rel') === rel);
  }

  /** The JSON-LD blocks of the page, parsed. */
  jsonLd(): Array<Record<string, unknown>> {
    return this.byTag('script')
      .filter((s) => attr(s, 'type') === 'application/ld+json')
      .map((s) => JSON.parse(text(s)) as Record<string, unknown>);
  }
}

export const attr = (el: Element, name: string): string | null => el.attrs.find((a) => a.name === name)?.value ?? null;
export const hasClass = (el: Element, name: string): boolean => (attr(el, 'class') ?? '').split(/\s+/u).includes(name);

export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return ((node as { childNodes?: Node[] }).childNodes ?? []).map(text).join('');
}

/** Element children of a node, in order. */
export const elementsOf = (node: Node): Element[] =>
  ((node as { childNodes?: Node[] }).childNodes ?? []).filter((n): n is Element => 'tagName' in n);

/** html-validate's recommended rules; the report's messages, for a readable failure. */
export async function validateHtml(html: string): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

export interface StructuredDataIssue {
  issueMessage: string;
  severity: 'ERROR' | 'WARNING';
  rootType: string;
  fieldNames?: string[];
}

/**
 * The JSON-LD checked against the schema.org vocabulary (tests/fixtures/schemaorg, release 30.0) with
 * Adobe's structured-data validator, offline. The validator is an ES module, so it runs in a Node process of its own.
 */
export function validateStructuredData(items: Array<Record<string, unknown>>): StructuredDataIssue[] {
  const vocabulary = path.join(appDir, 'tests/fixtures/schemaorg/schemaorg-current-https-30.0.jsonld');
  const script = [
    "import fs from 'node:fs';",
    "import Validator from '@adobe/structured-data-validator';",
    "const items = JSON.parse(fs.readFileSync(0, 'utf8'));",
    "const validator = new Validator(JSON.parse(fs.readFileSync(process.argv[1], 'utf8')));",
    'const jsonld = {};',
    "for (const item of items) (jsonld[item['@type']] ??= []).push(item);",
    'const issues = await validator.validate({ jsonld, microdata: {}, rdfa: {}, errors: [] });',
    'process.stdout.write(JSON.stringify(issues));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, vocabulary], {
    cwd: appDir,
    input: JSON.stringify(items),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as StructuredDataIssue[];
}
