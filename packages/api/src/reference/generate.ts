import { join } from "node:path";
import type { z } from "zod";
import { cachedReadOf, defaultTtl } from "../lib/cached";
import { procedureNotes } from "../procedure-notes";
import { appRouter } from "../root";
import type { Access, ProcedureMeta } from "../trpc";
import { inputFields, inputJsonSchema, type InputField } from "./inputs";
import { outputTypes } from "./outputs";

export const repoRoot = join(import.meta.dirname, "../../../..");
/** The documents `pnpm docs:api` writes, relative to the repository root. */
export const apiDoc = "docs/api.md";
export const referenceDoc = "docs/api-reference.md";
export const notesFile = "packages/api/src/procedure-notes.ts";
const tableStart = "<!-- generated:procedures (pnpm docs:api writes this table from the router; edit packages/api/src/procedure-notes.ts, not here) -->";
const tableEnd = "<!-- /generated:procedures -->";

/** What tRPC keeps of a procedure that the reference reads (`_def.resolver` is untyped in tRPC's types). */
interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  inputs: z.ZodType[];
  meta?: ProcedureMeta;
  resolver?: unknown;
}

const procedures = () => appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;
export const procedurePaths = () => Object.keys(procedures());

export interface ProcedureDoc {
  path: string;
  type: ProcedureDef["type"];
  access: Access;
  cache: string;
  does: string;
  /** null: the procedure takes no input. */
  input: { fields: InputField[]; default?: unknown } | null;
  output: string;
}

/** Procedures without a note, and notes that name no procedure. */
export function noteProblems() {
  const paths = procedurePaths();
  return {
    missing: paths.filter((path) => !Object.hasOwn(procedureNotes, path)),
    unknown: Object.keys(procedureNotes).filter((path) => !paths.includes(path)),
  };
}

const ttlUnits: Record<string, string> = { ms: "ms", s: "s", m: "min", h: "h", d: "days" };
const ttlText = (ttl: string) => ttl.replace(/^(\d+)(ms|s|m|h|d)$/, (_, amount: string, unit: string) => `${amount} ${ttlUnits[unit]}`);

/** An input whose every field reads as `<field>`, so a tag computed from the input prints as `product:<slug>`. */
const placeholderInput = new Proxy({}, { get: (_, key) => (typeof key === "string" ? `<${key}>` : undefined) });

/**
 * A procedure's cache facts: a read made with `cached()` gives its tags and ttl itself;
 * anything else (invalidations, reads cached inside a handler) comes from its note.
 */
function cacheOf(path: string, def: ProcedureDef): string {
  const read = cachedReadOf(def.resolver);
  const note = procedureNotes[path]?.cache;
  if (!read) return note ?? "no";
  if (note) throw new Error(`${path} is a cached() read: its cache facts come from the code, remove \`cache\` from its note in ${notesFile}`);
  const tags = read.tags(placeholderInput as never).map((tag) => `\`${tag}\``);
  return `${tags.join(", ")}; ${ttlText(read.ttl ?? defaultTtl)}`;
}

function inputOf(def: ProcedureDef): ProcedureDoc["input"] {
  const [first, ...more] = def.inputs.map(inputJsonSchema);
  if (!first) return null;
  // tRPC merges chained .input() objects; so do their fields here.
  return { fields: [first, ...more].flatMap(inputFields), default: more.length ? undefined : first.default };
}

/** Every procedure as the reference states it, in the router's order. */
export function describeProcedures(): ProcedureDoc[] {
  const { missing, unknown } = noteProblems();
  if (missing.length || unknown.length) {
    throw new Error(
      [
        missing.length ? `No note (what it does) for ${missing.join(", ")}: add one each to ${notesFile}.` : "",
        unknown.length ? `Notes for procedures the router does not have: ${unknown.join(", ")} (remove them from ${notesFile}).` : "",
      ]
        .filter(Boolean)
        .join(" "),
    );
  }
  const entries = Object.entries(procedures());
  const outputs = outputTypes(entries.map(([path]) => path));
  return entries.map(([path, { _def: def }]) => {
    const access = def.meta?.access;
    if (!access) throw new Error(`${path} states no access: build it on a procedure from trpc.ts, or give it .meta({ access }) where its guard is added`);
    const does = procedureNotes[path]?.does ?? "";
    return { path, type: def.type, access, cache: cacheOf(path, def), does, input: inputOf(def), output: outputs.get(path) ?? "" };
  });
}

const accessText: Record<Access, string> = {
  public: "public",
  customer: "customer",
  "customer-or-guest": "customer or guest",
  staff: "staff",
  admin: "admin",
};
/** GitHub's anchor for a heading that is just the path in backticks. */
const anchor = (path: string) => path.toLowerCase().replace(/[^a-z0-9_-]/g, "");
const cell = (text: string) => text.replace(/\|/g, "\\|");

/** The summary table that sits between the markers in docs/api.md. */
export function summaryTable(docs: ProcedureDoc[]): string {
  const rows = docs.map(
    (doc) =>
      `| [\`${doc.path}\`](api-reference.md#${anchor(doc.path)}) | ${doc.type} | ${accessText[doc.access]} | ${cell(doc.cache)} | ${cell(doc.does)} |`,
  );
  return ["| procedure | type | access | cached (tags, ttl) | what it does |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

/** docs/api.md with its generated table replaced; the prose around it is kept as written. */
export function withSummaryTable(apiMarkdown: string, docs: ProcedureDoc[]): string {
  const start = apiMarkdown.indexOf(tableStart);
  const end = apiMarkdown.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error(`${apiDoc} has lost its markers: put ${tableStart} and ${tableEnd} back around the procedure table`);
  return `${apiMarkdown.slice(0, start + tableStart.length)}\n${summaryTable(docs)}\n${apiMarkdown.slice(end)}`;
}

function procedureSection(doc: ProcedureDoc): string {
  const cache = doc.cache === "no" ? "not cached" : `cache: ${doc.cache}`;
  const lines = [`### \`${doc.path}\``, "", `**${doc.type}** · ${accessText[doc.access]} · ${cache}`, "", doc.does, ""];
  if (!doc.input) lines.push("Input: none.", "");
  else {
    const optional = doc.input.default === undefined ? "" : ` (may be left out: \`${JSON.stringify(doc.input.default)}\`)`;
    lines.push(`Input${optional}:`, "", "| field | type | rules |", "| --- | --- | --- |");
    for (const field of doc.input.fields) lines.push(`| \`${cell(field.field)}\` | ${cell(`\`${field.type}\``)} | ${cell(field.rules)} |`);
    lines.push("");
  }
  lines.push("Output:", "", "```ts", doc.output, "```", "");
  return lines.join("\n");
}

/** docs/api-reference.md, whole. */
export function referenceMarkdown(docs: ProcedureDoc[]): string {
  const groups = new Map<string, ProcedureDoc[]>();
  for (const doc of docs) {
    const group = doc.path.slice(0, doc.path.lastIndexOf("."));
    groups.set(group, [...(groups.get(group) ?? []), doc]);
  }
  const intro = [
    "# API procedure reference",
    "",
    "<!-- Generated by `pnpm docs:api` from appRouter (packages/api/src/reference); do not edit. Change the router, or the sentences in packages/api/src/procedure-notes.ts, and run it again: packages/api/src/docs.test.ts fails while this file is stale. -->",
    "",
    "Every procedure of `appRouter`, read from the router itself: its type; who may call it",
    "(the base procedure it is built on); its cache (tags and ttl of a `cached()` read; what a",
    "mutation invalidates is kept in `procedure-notes.ts`); its input as its zod schema",
    "validates it (the input side, before defaults and transforms; a field ending in `?` may be",
    "left out; checks written as code, such as e-mail addresses, country codes and money",
    "amounts, show only as their type); and its output as TypeScript infers it for clients",
    "(`RouterOutputs`; `Decimal` is `Prisma.Decimal`, carried by superjson). What the access",
    "levels, the cache and the errors mean: [api.md](api.md).",
    "",
  ];
  const body = [...groups].flatMap(([group, members]) => [`## ${group}`, "", ...members.map(procedureSection)]);
  return [...intro, ...body].join("\n");
}

/** Both documents as `pnpm docs:api` writes them, given docs/api.md as it is now. */
export function generateReference(apiMarkdown: string, docs = describeProcedures()): Record<string, string> {
  return { [apiDoc]: withSummaryTable(apiMarkdown, docs), [referenceDoc]: referenceMarkdown(docs) };
}
