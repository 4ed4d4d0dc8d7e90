// Placeholder until the main-job issue lands: prints what exists.
console.log("tinker-ts demo: the SDK packages are being built; see README.md for the layout.");
