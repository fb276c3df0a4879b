import { GraphQLError, Kind, parse, type DocumentNode, type SelectionSetNode, type ValidationRule } from 'graphql';

/** The names of the fragments spread anywhere inside a selection set, nested fields included. */
function spreadsIn(selectionSet: SelectionSetNode | undefined, into: Set<string>): Set<string> {
  const pending = selectionSet ? [selectionSet] : [];
  while (pending.length > 0) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) into.add(selection.name.value);
      else if (selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return into;
}

/**
 * The first cycle of fragment spreads in a document (`['A', 'B', 'A']`), or null. GraphQL forbids
 * such cycles, but Strapi's depth limit walks fragments when validation starts, before that rule has
 * run, without a visited set, and overflows the stack on `fragment A { ...B } fragment B { ...A }`.
 * Iterative, so a long chain cannot overflow here either.
 */
export function findFragmentCycle(document: DocumentNode): string[] | null {
  const graph = new Map<string, Set<string>>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) graph.set(definition.name.value, spreadsIn(definition.selectionSet, new Set()));
  }
  const done = new Set<string>();
  for (const start of graph.keys()) {
    if (done.has(start)) continue;
    // Depth-first with an explicit stack; `trail` is the current path, for reporting the cycle.
    const trail: string[] = [];
    const onTrail = new Set<string>();
    const stack: Array<{ name: string; next: Iterator<string> }> = [];
    const enter = (name: string) => {
      trail.push(name);
      onTrail.add(name);
      stack.push({ name, next: (graph.get(name) ?? new Set<string>()).values() });
    };
    enter(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const step = top.next.next();
      if (step.done) {
        stack.pop();
        trail.pop();
        onTrail.delete(top.name);
        done.add(top.name);
        continue;
      }
      const name = step.value;
      if (onTrail.has(name)) return [...trail.slice(trail.indexOf(name)), name];
      if (!done.has(name) && graph.has(name)) enter(name);
    }
  }
  return null;
}

/**
 * Refuses a document with a fragment cycle as a 400 GRAPHQL_VALIDATION_FAILED, before Strapi's depth
 * limit can overflow on it. Apollo answers 500 for anything a plugin hook throws, and runs the app's
 * validation rules only after Strapi's; so the plugin, once the document is parsed, swaps it for a
 * one-field placeholder, and the companion rule reports the cycle for that placeholder, in the
 * validation errors Apollo answers with its usual 400.
 */
export function fragmentCycleGuard(): { plugin: object; rule: ValidationRule } {
  const refusals = new WeakMap<DocumentNode, string>();
  const plugin = {
    async requestDidStart() {
      return {
        async validationDidStart(requestContext: { document?: DocumentNode }) {
          const cycle = requestContext.document ? findFragmentCycle(requestContext.document) : null;
          if (!cycle) return;
          const via = cycle
            .slice(1, -1)
            .map((name) => `"${name}"`)
            .join(', ');
          const placeholder = parse('{ __typename }', { noLocation: true });
          refusals.set(placeholder, `Cannot spread fragment "${cycle[0]}" within itself${via ? ` via ${via}` : ''}.`);
          requestContext.document = placeholder;
        },
      };
    },
  };
  const rule: ValidationRule = (context) => {
    const message = refusals.get(context.getDocument());
    if (message) context.reportError(new GraphQLError(message));
    return {};
  };
  return { plugin, rule };
}
