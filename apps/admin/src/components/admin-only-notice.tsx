/** Tells STAFF up front what needs the ADMIN role (the API would refuse it with FORBIDDEN). */
export function AdminOnlyNotice({ children }: { children: string }) {
  return (
    <p className="notice" role="note">
      {children}
    </p>
  );
}
