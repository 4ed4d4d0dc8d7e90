export * from "./generated/proto/tinker_public_pb.js";
