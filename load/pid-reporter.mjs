// Loaded into every server process with `node --import` (the primary and each HP_WORKERS worker), so the load tests
// know whom to `kill -9`: prints one line `hausportal-load pid <pid>` when the process starts.
process.stdout.write(`hausportal-load pid ${process.pid}\n`);
