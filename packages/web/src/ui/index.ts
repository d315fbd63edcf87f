export { EmptyState, ErrorState, Loading, QueryView, type QueryLike } from "./states";
export { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "./form";
export { errorMessage, serverFieldErrors } from "./errors";
export { OrderItemsTable, type OrderItemLine } from "./order-items-table";
export { ConfirmButton } from "./confirm-button";
export { SignOutForm } from "./sign-out-form";
