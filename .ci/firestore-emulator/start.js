// Starts the npm Firestore emulator (@firestore-emulator/server) on 127.0.0.1 only.
// FirestoreServer.start(port) binds 0.0.0.0, so this script binds the inner gRPC server itself.
// Usage: node start.js PORT   (prints "listening on 127.0.0.1:PORT" when ready)
"use strict";
const { FirestoreServer } = require("@firestore-emulator/server");
const { ServerCredentials } = require("@grpc/grpc-js");

const port = Number(process.argv[2] || "8787");
const emulator = new FirestoreServer();
emulator.server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (err, bound) => {
  if (err) {
    console.error(`cannot bind 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  }
  console.log(`npm Firestore emulator listening on 127.0.0.1:${bound}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    emulator.server.forceShutdown();
    process.exit(0);
  });
}
