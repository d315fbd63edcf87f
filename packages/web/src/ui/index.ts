export { EmptyState, ErrorState, Loading, QueryView } from "./states";
export { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "./form";
export { errorMessage, serverFieldErrors } from "./errors";
