// GitHub Actions workflow validation with GitHub's own parser and schema (@actions/workflow-parser, the one the
// Actions editor tooling uses): the workflows tarmac ships or documents cannot run here, so their shape is checked.
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

/** Every problem GitHub's parser finds in a workflow file's text, as "<name> (Line: L, Col: C): message". */
export function workflowProblems(name: string, content: string): string[] {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}
