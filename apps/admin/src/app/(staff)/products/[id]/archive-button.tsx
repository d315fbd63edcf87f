"use client";
import { FormError } from "@shop/web/ui";
import { useConfirm } from "~/components/confirm-dialog";
import { api } from "~/trpc/react";

/** Archiving hides a product from the shop; orders keep referring to it, so it is never deleted. */
export function ArchiveButton({ productId, name, archived }: { productId: string; name: string; archived: boolean }) {
  const { confirm, dialog } = useConfirm();
  const utils = api.useUtils();
  const archive = api.admin.product.archive.useMutation({ onSuccess: () => utils.admin.product.invalidate() });
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="button button-danger" disabled={archived || archive.isPending} onClick={async () => {
            const go = await confirm({ title: `Archive ${name}?`, message: "It disappears from the shop; its orders stay intact. Set its status back to Active to show it again.", confirmLabel: "Archive", cancelLabel: "Keep it on sale" });
            if (go) archive.mutate({ id: productId });
          }}>
          {archive.isPending ? "Archiving…" : "Archive"}
        </button>
        <span className="muted">{archived ? "This product is archived." : "Hides the product from the shop; its orders stay intact."}</span>
      </div>
      <FormError error={archive.error} />
      {dialog}
    </div>
  );
}
