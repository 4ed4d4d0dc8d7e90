// spec/proto must describe the same binary format as the service: every message, field number,
// type, label and oneof of the descriptor embedded in the Python SDK (fixture made by
// scripts/sdk-proto-descriptor.py). Names are compared too, except the documented renames below,
// which do not exist on the wire.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { toJson } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { file_tinker_public } from "../src/proto.js";
import { fixturesDir } from "./helpers/paths.js";

interface FieldJson {
  name: string;
  number: number;
  label?: string;
  type?: string;
  typeName?: string;
  oneofIndex?: number;
  proto3Optional?: boolean;
}
interface MessageJson {
  name: string;
  field?: FieldJson[];
  nestedType?: MessageJson[];
  oneofDecl?: { name: string }[];
}
interface EnumJson {
  name: string;
  value?: { name: string; number?: number }[];
}
interface FileJson {
  package?: string;
  syntax?: string;
  messageType?: MessageJson[];
  enumType?: EnumJson[];
}

/** The SDK's name → ours. Kept so existing code keeps compiling; protobuf binary does not carry names. */
const messageRenames: Record<string, string> = { TopkLogprobs: "TopkPromptLogprobs" };
const fieldRenames: Record<string, string> = { "TopkLogprobs.length": "prompt_length" };

function flatten(messages: MessageJson[] | undefined, prefix = ""): Map<string, MessageJson> {
  const out = new Map<string, MessageJson>();
  for (const message of messages ?? []) {
    const name = `${prefix}${message.name}`;
    out.set(name, message);
    for (const [nested, value] of flatten(message.nestedType, `${name}.`)) out.set(nested, value);
  }
  return out;
}

function renameType(typeName: string | undefined): string | undefined {
  return typeName?.replace(/\.tinker_public\.(\w+)/, (whole, name: string) => `.tinker_public.${messageRenames[name] ?? name}`);
}

function normalizeFields(message: MessageJson, sdkName?: string) {
  return (message.field ?? [])
    .map((field) => ({
      number: field.number,
      name: (sdkName && fieldRenames[`${sdkName}.${field.name}`]) || field.name,
      label: field.label ?? "LABEL_OPTIONAL",
      type: field.type,
      typeName: sdkName ? renameType(field.typeName) : field.typeName,
      proto3Optional: field.proto3Optional ?? false,
      oneof: field.oneofIndex === undefined || field.proto3Optional ? undefined : message.oneofDecl?.[field.oneofIndex]?.name,
    }))
    .sort((a, b) => a.number - b.number);
}

const sdk = JSON.parse(readFileSync(resolve(fixturesDir, "sdk-0.38.0-proto.json"), "utf8")) as { sdk_version: string; file: FileJson };
const ours = toJson(FileDescriptorProtoSchema, file_tinker_public.proto) as unknown as FileJson;

describe(`spec/proto against the descriptor of the Python SDK ${sdk.sdk_version}`, () => {
  const sdkMessages = flatten(sdk.file.messageType);
  const ourMessages = flatten(ours.messageType);

  it("has the same package, syntax and set of messages", () => {
    expect(ours.package).toBe(sdk.file.package);
    expect(ours.syntax ?? "proto2").toBe(sdk.file.syntax ?? "proto2");
    const expected = [...sdkMessages.keys()].map((n) => n.replace(/^\w+/, (top) => messageRenames[top] ?? top)).sort();
    expect([...ourMessages.keys()].sort()).toEqual(expected);
  });

  it.each([...sdkMessages.keys()])("message %s has the same fields", (name) => {
    const ourName = name.replace(/^\w+/, (top) => messageRenames[top] ?? top);
    const ourMessage = ourMessages.get(ourName);
    expect(ourMessage, ourName).toBeDefined();
    expect(normalizeFields(ourMessage!)).toEqual(normalizeFields(sdkMessages.get(name)!, name));
  });

  it("has the same enums and values", () => {
    const norm = (enums: EnumJson[] | undefined) =>
      (enums ?? []).map((e) => ({ name: e.name, values: (e.value ?? []).map((v) => [v.name, v.number ?? 0]) }));
    expect(norm(ours.enumType)).toEqual(norm(sdk.file.enumType));
  });
});
