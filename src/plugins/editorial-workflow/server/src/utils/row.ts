/**
 * A row as Strapi's query engine and Document Service hand it back: their results are typed `any`
 * (the shape depends on `select` and `populate` at run time), so this names that fact once. Code that
 * reads a row narrows each field it uses.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one name for Strapi's untyped results
export type Row = Record<string, any>;
