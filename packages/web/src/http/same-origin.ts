/**
 * The CSRF rule for tRPC mutations (every POST to /api/trpc): only JSON, and only from
 * the app's own origin. A browser marks every cross-origin POST with `Origin`, and
 * modern ones every request with `Sec-Fetch-Site`, so either header naming another
 * site is refused. A request with neither comes from no browser (curl, a server-side
 * caller, the tests): it cannot carry a victim's cookie, so it passes. Requiring
 * `application/json` closes what a plain HTML form can send (form-encoded, multipart,
 * text/plain); a cross-origin script sending JSON needs a CORS preflight, which this
 * API never grants. A route that takes files (the admin's image upload) names
 * multipart/form-data instead: it then rests on the origin headers alone, which every
 * browser that sends cookies also sends.
 *
 * Returns the refusal to answer, or undefined when the request may go on.
 */
export function refuseCrossSiteMutation(request: Request, appUrl: string, mediaTypes: readonly string[] = ["application/json"]): Response | undefined {
  if (request.method !== "POST") return undefined;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if ((origin !== null && origin !== new URL(appUrl).origin) || (site !== null && site !== "same-origin")) {
    return refusal(403, "FORBIDDEN", "Cross-origin request refused: mutations are accepted only from this app's own pages.");
  }
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType === undefined || !mediaTypes.includes(mediaType)) {
    return refusal(415, "UNSUPPORTED_MEDIA_TYPE", `Mutations accept only Content-Type: ${mediaTypes.join(" or ")}.`);
  }
  return undefined;
}

function refusal(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}
