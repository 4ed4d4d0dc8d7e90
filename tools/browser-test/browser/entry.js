export * from "@tinker-ts/client";
