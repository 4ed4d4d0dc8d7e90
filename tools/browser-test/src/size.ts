import { bundleClient, formatKiB } from "./bundle.js";

const bundle = await bundleClient();
console.log(
  `@tinker-ts/client browser bundle: ${formatKiB(bundle.eager.minifiedBytes)} minified, ` +
    `${formatKiB(bundle.eager.gzippedBytes)} min+gzip loaded up front; ` +
    `${formatKiB(bundle.lazy.minifiedBytes)} minified, ${formatKiB(bundle.lazy.gzippedBytes)} min+gzip loaded on demand`,
);
for (const file of bundle.files) {
  console.log(`  ${file.name.padEnd(24)} ${formatKiB(file.minifiedBytes).padStart(10)} ${formatKiB(file.gzippedBytes).padStart(10)}${file.lazy ? "  (on demand)" : ""}`);
}
