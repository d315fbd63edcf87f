"use client";
import type { RouterOutputs } from "@shop/api";
import { FormError, QueryView } from "@shop/web/ui";
import { useConfirm } from "~/components/confirm-dialog";
import { api } from "~/trpc/react";
import { useViewer } from "../viewer";

type Category = RouterOutputs["admin"]["category"]["list"][number];

/**
 * Every category with its parent; an ADMIN may delete one after confirming. The API
 * deletes only an empty category (no products, no subcategories) and says so otherwise.
 */
export function CategoryTable() {
  const { isAdmin } = useViewer();
  const utils = api.useUtils();
  const categories = api.admin.category.list.useQuery();
  const remove = api.admin.category.delete.useMutation({ onSuccess: () => utils.admin.category.list.invalidate() });
  const { confirm, dialog } = useConfirm();

  async function deleteCategory(category: Category) {
    const go = await confirm({
      title: `Delete ${category.name}?`,
      message: "It is removed for good, with its page in the shop. Only a category without products or subcategories can be deleted.",
      confirmLabel: "Delete category",
      cancelLabel: "Keep it",
    });
    if (go) remove.mutate({ id: category.id });
  }

  return (
    <QueryView query={categories} loading="Loading categories…" isEmpty={(list) => !list.length} empty="No categories yet">
      {(list) => {
        const names = new Map(list.map((category) => [category.id, category.name]));
        return (
          <div className="stack">
            <FormError error={remove.error} />
            <div className="table-scroll">
              <table className="responsive-table">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Slug</th>
                    <th>Parent</th>
                    <th>Shown</th>
                    {isAdmin ? (
                      <th>
                        <span className="visually-hidden">Delete</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {list.map((category) => (
                    <tr key={category.id}>
                      <td data-label="Name">{category.name}</td>
                      <td data-label="Slug">{category.slug}</td>
                      <td data-label="Parent">{category.parentId ? names.get(category.parentId) : <span className="muted">Top level</span>}</td>
                      <td data-label="Shown">{category.isActive ? "Yes" : "No"}</td>
                      {isAdmin ? (
                        <td data-label="">
                          <button type="button" className="button button-danger" aria-label={`Delete ${category.name}`} disabled={remove.isPending} onClick={() => void deleteCategory(category)}>
                            Delete
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {dialog}
          </div>
        );
      }}
    </QueryView>
  );
}
