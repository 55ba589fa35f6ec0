import { z } from "zod";
import { configSchema } from "./schema.js";
const JSON_SCHEMA_PATH = "schema/tarmac.schema.json";
function configJsonSchemaText() {
  const schema = z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...schema, title: "tarmac.yaml" }, null, 2)}
`;
}
export {
  JSON_SCHEMA_PATH,
  configJsonSchemaText
};
//# sourceMappingURL=json-schema.js.map
