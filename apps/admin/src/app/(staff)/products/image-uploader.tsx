"use client";
import { useId, useState } from "react";

/** What the upload route answers: the stored file's public URL, or why it refused the file. */
async function uploadImage(file: File): Promise<string> {
  const body = new FormData();
  body.set("file", file);
  const response = await fetch("/api/uploads", { method: "POST", body });
  const answer = (await response.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
  if (!response.ok || !answer?.url) throw new Error(`${file.name}: ${answer?.error?.message ?? `upload failed (HTTP ${response.status})`}`);
  return answer.url;
}

const move = <T,>(list: T[], from: number, to: number) => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};

/**
 * The product's pictures: upload several at once (PNG, JPEG, WebP or GIF), put them in
 * order (the first is the main image) or remove one. Holds the URLs the product stores.
 */
export function ImageUploader({ value, onChange, disabled, error }: { value: string[]; onChange: (images: string[]) => void; disabled: boolean; error?: string }) {
  const inputId = useId();
  const hintId = useId();
  const [uploading, setUploading] = useState(0);
  const [failures, setFailures] = useState<string[]>([]);

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    setFailures([]);
    setUploading(files.length);
    const results = await Promise.allSettled([...files].map(uploadImage));
    setUploading(0);
    const urls = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    setFailures(results.flatMap((result) => (result.status === "rejected" ? [(result.reason as Error).message] : [])));
    onChange([...value, ...urls.filter((url) => !value.includes(url))]);
  }

  return (
    <div className="stack image-uploader">
      <label htmlFor={inputId}>Images</label>
      <input
        id={inputId}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        multiple
        disabled={disabled || uploading > 0}
        aria-describedby={hintId}
        onChange={(event) => {
          void upload(event.currentTarget.files);
          event.currentTarget.value = "";
        }}
      />
      <p id={hintId} className="hint">
        PNG, JPEG, WebP or GIF, up to 5 MB each. The first picture is the main one.
      </p>
      {uploading ? (
        <p role="status" className="muted">
          Uploading {uploading} {uploading === 1 ? "image" : "images"}…
        </p>
      ) : null}
      {[...failures, ...(error ? [error] : [])].map((message) => (
        <p key={message} className="field-error" role="alert">
          {message}
        </p>
      ))}
      {value.length ? (
        <ol className="image-list">
          {value.map((url, index) => (
            <li key={url} className="image-item">
              <img src={url} alt={`Image ${index + 1}${index === 0 ? " (main)" : ""}`} />
              <div className="row">
                <button type="button" className="button" disabled={disabled || index === 0} aria-label={`Move image ${index + 1} earlier`} onClick={() => onChange(move(value, index, index - 1))}>
                  ↑
                </button>
                <button type="button" className="button" disabled={disabled || index === value.length - 1} aria-label={`Move image ${index + 1} later`} onClick={() => onChange(move(value, index, index + 1))}>
                  ↓
                </button>
                <button type="button" className="button" disabled={disabled} aria-label={`Remove image ${index + 1}`} onClick={() => onChange(value.filter((_, other) => other !== index))}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No images yet.</p>
      )}
    </div>
  );
}
