import { toTarmacError } from "../errors/errors.js";
function toEventError(error) {
  const e = toTarmacError(error);
  return {
    code: e.code,
    message: e.message,
    ...e.hint === void 0 ? {} : { hint: e.hint },
    ...e.details.length > 0 ? { tail: e.details } : {},
    ...e.probe === void 0 ? {} : { probe: e.probe },
    ...e.fact === void 0 ? {} : { fact: e.fact }
  };
}
export {
  toEventError
};
//# sourceMappingURL=event-error.js.map
