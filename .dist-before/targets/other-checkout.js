import { LABEL_PROJECT, LABEL_PROJECT_PATH } from "../engines/labels.js";
import { ExitCode, TarmacError } from "../errors/errors.js";
function otherCheckoutError(what, labels, id) {
  const path = labels[LABEL_PROJECT_PATH];
  const checkout = path ? `the checkout of ${path}` : `another checkout (project ${labels[LABEL_PROJECT] ?? "?"})`;
  return new TarmacError(
    "ENV_OTHER_CHECKOUT",
    `env ${id.env} is up from ${checkout}: ${what} belongs to it, not to ${id.projectPath}`,
    {
      exitCode: ExitCode.environment,
      hint: `tarmac never touches another checkout's env. Run \`tarmac down\` there first, or give this project another name in ${id.projectPath}.`
    }
  );
}
export {
  otherCheckoutError
};
//# sourceMappingURL=other-checkout.js.map
