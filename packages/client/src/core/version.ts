/**
 * The Python SDK version whose behaviour tinker-ts implements. Sent as `sdk_version` in
 * client/config, client/dynamic_config and create_session: the service resolves its feature
 * flags from it, so it must name a Python release we are at parity with (not our own version).
 */
export const SDK_VERSION = "0.38.0";

/** This package's version (kept equal to package.json by a test). Sent in `User-Agent: tinker-ts/<version>`. */
export const PACKAGE_VERSION = "0.0.0";

export const USER_AGENT = `tinker-ts/${PACKAGE_VERSION}`;
