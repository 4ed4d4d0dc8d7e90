import { bundleClient, formatKiB } from "./bundle.js";

const bundle = await bundleClient();
console.log(
  `@tinker-ts/client browser bundle: ${formatKiB(bundle.minifiedBytes)} minified, ${formatKiB(bundle.gzippedBytes)} min+gzip`,
);
