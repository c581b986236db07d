import { FieldNode, getArgumentValues, getNamedType, GraphQLResolveInfo, isObjectType } from 'graphql';
import { Context } from '../context';
import { isId } from '../validation';
import { childFieldNodes } from '../db/projection';

/**
 * Starts the relations of an object asked for by id together with the object itself.
 *
 * `programme(id) { risks milestones ... }` would otherwise cost one statement for the programme,
 * then one for its relations, which can only start once it has arrived. The relations named in
 * `keyedById` look up their rows by the parent's id alone, which the query already gives: their
 * own resolvers are called here, at once, with `{ id }` as the parent, so that their loaders fall
 * due in the same batch (ReadBatch) as the object's own read. When the resolvers run for real,
 * DataLoader answers from what these calls started; the request sends one statement fewer.
 *
 * Nothing leaks: the rows are only ever returned under the parent, whose read decides (an
 * unknown, invisible or other organisation's id gives null, and its relations are never asked
 * for). Errors are left to the real calls, which meet the same promise or throw again.
 */
export function prefetchRelations(info: GraphQLResolveInfo, id: string, ctx: Context, keyedById: readonly string[]): void {
  const type = getNamedType(info.returnType);
  // a malformed id finds no object (null) and must not reach SQL through a relation's batch
  if (!isObjectType(type) || !isId(id)) return;
  const fields = type.getFields();
  for (const node of childFieldNodes(info)) {
    const field = fields[node.name.value];
    if (!field?.resolve || !keyedById.includes(field.name)) continue;
    try {
      const args = getArgumentValues(field, node, info.variableValues);
      const childInfo = {
        ...info,
        fieldName: field.name,
        fieldNodes: fieldNodesOf(node),
        returnType: field.type,
        parentType: type,
      };
      const started = field.resolve({ id }, args, ctx, childInfo);
      if (started instanceof Promise) started.catch(() => undefined);
    } catch {
      // the real call throws the same error, where it belongs
    }
  }
}

// one array per node, so that what is cached per selection (Projection) is found again
const nodeArrays = new WeakMap<FieldNode, readonly FieldNode[]>();
function fieldNodesOf(node: FieldNode): readonly FieldNode[] {
  let nodes = nodeArrays.get(node);
  if (!nodes) nodeArrays.set(node, (nodes = [node]));
  return nodes;
}
