import { join } from "node:path";
import ts from "typescript";

const packageDir = join(import.meta.dirname, "../..");
const indexFile = join(packageDir, "src/index.ts");

/** Wider than this, an object type is printed one property a line. */
const lineWidth = 88;

/**
 * Each procedure's output type as TypeScript infers it (`RouterOutputs` of
 * `src/index.ts`, what the apps' hooks get), printed compactly: object types spelled
 * out, named types from libraries (Decimal, Date, JsonValue) by name, enums as their
 * literals. Builds one program over the API package (about 3 s on the project's
 * machines, most of the reference's generation time).
 */
export function outputTypes(paths: readonly string[]): Map<string, string> {
  const config = ts.getParsedCommandLineOfConfigFile(join(packageDir, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!config) throw new Error("cannot read packages/api/tsconfig.json");
  const program = ts.createProgram({ rootNames: [indexFile], options: config.options });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(indexFile);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const outputs = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.name === "RouterOutputs");
  if (!outputs) throw new Error("packages/api/src/index.ts no longer exports RouterOutputs");
  const root = checker.getDeclaredTypeOfSymbol(outputs);
  const printer = new TypePrinter(checker);
  return new Map(
    paths.map((path) => {
      const type = path.split(".").reduce((parent, key) => {
        const property = parent.getProperty(key);
        if (!property) throw new Error(`RouterOutputs has no ${path}: is the type out of step with the router?`);
        return checker.getTypeOfSymbol(property);
      }, root);
      return [path, printer.print(type, 0)];
    }),
  );
}

const isIdentifier = (name: string) => /^[A-Za-z_$][\w$]*$/.test(name);
const pad = (depth: number) => "  ".repeat(depth);

class TypePrinter {
  /** Types being printed on the current path, so a recursive type prints its name instead of looping. */
  private readonly open = new Set<ts.Type>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** A type declared outside the shop's own source (a library, TypeScript's lib, Prisma's generated client). */
  private isLibrary(symbol: ts.Symbol | undefined): boolean {
    const declarations = symbol?.declarations ?? [];
    return declarations.length > 0 && declarations.every((declaration) => /[\\/](node_modules|generated)[\\/]/.test(declaration.getSourceFile().fileName));
  }

  /**
   * Printed by name: a library's classes and interfaces (Decimal, Date) and its union
   * aliases (JsonValue). A library's object aliases (Prisma's result types) are spelled out.
   */
  private named(type: ts.Type): boolean {
    if (type.isUnion() && type.aliasSymbol && this.isLibrary(type.aliasSymbol)) return true;
    const symbol = type.getSymbol();
    return !!symbol && !symbol.name.startsWith("__") && (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) !== 0 && this.isLibrary(symbol);
  }

  print(type: ts.Type, depth: number): string {
    const literalUnion = type.isUnion() && type.types.every((member) => member.isLiteral() || (member.flags & (ts.TypeFlags.BooleanLiteral | ts.TypeFlags.Null)) !== 0);
    if (type.isUnion() && !literalUnion && this.named(type)) return this.checker.typeToString(type);
    if (type.isUnion()) return this.union(type.types, depth);
    if (this.open.has(type)) return this.checker.typeToString(type);
    if (this.checker.isArrayType(type)) {
      const [elementType] = this.checker.getTypeArguments(type as ts.TypeReference);
      const element = elementType ? this.print(elementType, depth) : "unknown";
      return elementType?.isUnion() && element.includes(" | ") ? `(${element})[]` : `${element}[]`;
    }
    if (this.checker.isTupleType(type)) {
      return `[${this.checker.getTypeArguments(type as ts.TypeReference).map((element) => this.print(element, depth)).join(", ")}]`;
    }
    if (this.named(type)) return this.checker.typeToString(type);
    if (type.flags & ts.TypeFlags.Object || type.isIntersection()) {
      this.open.add(type);
      try {
        return this.object(type, depth);
      } finally {
        this.open.delete(type);
      }
    }
    return this.checker.typeToString(type);
  }

  private union(members: readonly ts.Type[], depth: number): string {
    const isTrue = (member: ts.Type) => member.flags & ts.TypeFlags.BooleanLiteral && this.checker.typeToString(member) === "true";
    const isFalse = (member: ts.Type) => member.flags & ts.TypeFlags.BooleanLiteral && this.checker.typeToString(member) === "false";
    const boolean = members.some(isTrue) && members.some(isFalse);
    const printed = members.filter((member) => !(boolean && (isTrue(member) || isFalse(member)))).map((member) => this.print(member, depth));
    // `null` and `undefined` last, where a reader looks for them.
    const nullish = (text: string) => text === "null" || text === "undefined";
    return [...(boolean ? ["boolean"] : []), ...printed.filter((text) => !nullish(text)), ...printed.filter(nullish)].join(" | ");
  }

  private object(type: ts.Type, depth: number): string {
    const fields = this.checker.getPropertiesOfType(type).map((property) => {
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const propertyType = this.checker.getTypeOfSymbol(property);
      // An optional property's `undefined` is what `?` already says.
      const printed =
        optional && propertyType.isUnion()
          ? this.union(propertyType.types.filter((member) => !(member.flags & ts.TypeFlags.Undefined)), depth + 1)
          : this.print(propertyType, depth + 1);
      const name = isIdentifier(property.name) ? property.name : JSON.stringify(property.name);
      return `${name}${optional ? "?" : ""}: ${printed}`;
    });
    for (const index of this.checker.getIndexInfosOfType(type)) {
      fields.push(`[key: ${this.checker.typeToString(index.keyType)}]: ${this.print(index.type, depth + 1)}`);
    }
    if (!fields.length) return "{}";
    const oneLine = `{ ${fields.join("; ")} }`;
    if (!oneLine.includes("\n") && pad(depth).length + oneLine.length <= lineWidth) return oneLine;
    return `{\n${fields.map((field) => `${pad(depth + 1)}${field};\n`).join("")}${pad(depth)}}`;
  }
}
