"use client";
import { formatDateTime } from "@shop/web/format";
import { FormError, QueryView } from "@shop/web/ui";
import { api } from "~/trpc/react";

/** The customer's notifications, newest first, with unread ones marked and a way to mark them read. */
export function Notifications() {
  const utils = api.useUtils();
  const notifications = api.notification.list.useQuery();
  const markRead = api.notification.markRead.useMutation({ onSuccess: () => utils.notification.list.invalidate() });

  return (
    <QueryView query={notifications} isEmpty={(data) => !data.items.length} empty="No notifications yet">
      {(data) => (
        <div className="stack">
          <div className="row row-between">
            <span className="muted">{data.unread ? `${data.unread} unread` : "All read"}</span>
            {data.unread ? (
              <button type="button" className="button" onClick={() => markRead.mutate({})} disabled={markRead.isPending}>
                Mark all as read
              </button>
            ) : null}
          </div>
          <FormError error={markRead.error} />
          <ul className="plain-list stack">
            {data.items.map((notification) => (
              <li key={notification.id} className={notification.read ? "notification" : "notification notification-unread"}>
                <div className="row row-between">
                  <strong>{notification.title}</strong>
                  <span className="muted">{formatDateTime(notification.createdAt)}</span>
                </div>
                {notification.body ? <p>{notification.body}</p> : null}
                {notification.read ? null : (
                  <button type="button" className="button-link" onClick={() => markRead.mutate({ ids: [notification.id] })} disabled={markRead.isPending}>
                    Mark as read
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </QueryView>
  );
}
