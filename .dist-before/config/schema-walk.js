import { z } from "zod";
import { configSchema } from "./schema.js";
function unwrap(schema) {
  let current = schema;
  let description = schema.description;
  for (; ; ) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap();
    } else if (current instanceof z.ZodPipe) {
      current = current.in;
    } else {
      return { schema: current, description };
    }
    description ??= current.description;
  }
}
function schemaAt(path, root = configSchema) {
  let walked = unwrap(root);
  for (const key of path) {
    const { schema } = walked;
    let next;
    if (schema instanceof z.ZodObject && typeof key === "string") next = schema.shape[key];
    else if (schema instanceof z.ZodArray && typeof key === "number") next = schema.element;
    else if (schema instanceof z.ZodRecord) next = schema.valueType;
    if (next === void 0) return void 0;
    walked = unwrap(next);
  }
  return walked;
}
function allowedKeys(path, root = configSchema) {
  const schema = schemaAt(path, root)?.schema;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape).filter((k) => k !== "$schema") : [];
}
function describeAt(path, root = configSchema) {
  return schemaAt(path, root)?.description;
}
export {
  allowedKeys,
  describeAt,
  schemaAt
};
//# sourceMappingURL=schema-walk.js.map
